import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState, type ReactNode } from 'react'
import { BigButton } from './big-button'
import { ErrorView } from './error-view'
import { LoadingView } from './loading-view'
import { NeedsLink } from './needs-link'
import type { Permission } from '../core/policy'
import { useElderMode } from '../hooks/use-elder-mode'
import { useStaffOrgs } from '../hooks/use-staff-orgs'

type Props = {
  /** What the page does, for the caller's organisations that allow it. */
  permission: Permission
  /** The question when the caller holds several: "给哪个村发通报？". */
  question: string
  children: (orgId: string) => ReactNode
}

/**
 * A staff page that acts on one organisation, opened from any link: the one named in its query
 * (orgId), else the caller's only organisation for the work, else a short choice among theirs.
 */
export function WithScope({ permission, question, children }: Props) {
  const routerOrgId = useRouter().params.orgId
  const { state, reload } = useStaffOrgs(permission)
  const [chosen, setChosen] = useState<string | null>(null)
  const elder = useElderMode()
  const orgs = state.status === 'ok' ? state.data : []
  const orgId = routerOrgId || chosen || (orgs.length === 1 ? orgs[0].id : null)
  if (orgId) return <>{children(orgId)}</>
  if (state.status === 'ok' && orgs.length === 0) {
    return <NeedsLink sentence="这项工作要由负责的网格长、村干部、合作社会计或超市店员来做，您现在的身份做不了。" />
  }
  return (
    <View className={`screen ${elder.rootClass}`}>
      {state.status === 'loading' && <LoadingView />}
      {state.status === 'error' && <ErrorView message={state.error.message} onRetry={reload} />}
      {orgs.length > 1 && (
        <View className="card">
          <Text className="section-title">{question}</Text>
          {orgs.map((org) => (
            <BigButton key={org.id} kind="plain" onClick={() => setChosen(org.id)}>
              {org.name}
            </BigButton>
          ))}
        </View>
      )}
    </View>
  )
}
