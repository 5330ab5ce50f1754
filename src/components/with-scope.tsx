import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState, type ReactNode } from 'react'
import { workUnits } from '../api/account'
import { BigButton } from './big-button'
import { Loaded } from './loaded'
import { NeedsLink } from './needs-link'
import type { OrgKind } from '../core/org'
import { PERMISSIONS, type Permission } from '../core/policy'
import { ROLE_LABELS } from '../core/roles'
import { useElderMode } from '../hooks/use-elder-mode'
import { useEnvelope } from '../hooks/use-envelope'

type Props = {
  /** What the page does, for the caller's organisations that allow it. */
  permission: Permission
  /** The kinds of unit the page works on: a street admin is offered the villages under the street. */
  kinds: OrgKind[]
  /** The question when the caller has several: "给哪个村发通报？". */
  question: string
  children: (orgId: string) => ReactNode
}

/**
 * A staff page that acts on one unit, opened from any link: the one named in its query (orgId),
 * else the caller's only unit for the work, else a short choice among theirs.
 */
export function WithScope(props: Props) {
  const routerOrgId = useRouter().params.orgId
  if (routerOrgId) return <>{props.children(routerOrgId)}</>
  return <ScopeChoice {...props} />
}

function ScopeChoice({ permission, kinds, question, children }: Props) {
  const { state, reload } = useEnvelope(() => workUnits(permission, kinds), [permission, kinds.join()])
  const [chosen, setChosen] = useState<string | null>(null)
  const elder = useElderMode()
  const units = state.status === 'ok' ? state.data : []
  const orgId = chosen ?? (units.length === 1 ? units[0].id : null)
  if (orgId) return <>{children(orgId)}</>
  if (state.status === 'ok' && units.length === 0) {
    return <NeedsLink sentence={`这项工作要由${PERMISSIONS[permission].map((role) => ROLE_LABELS[role]).join('或')}来做，您现在的身份做不了。`} />
  }
  return (
    <View className={`screen ${elder.rootClass}`}>
      <Loaded state={state} onRetry={reload}>
        {() =>
          units.length > 1 && (
            <View className="card">
              <Text className="section-title">{question}</Text>
              {units.map((unit) => (
                <BigButton key={unit.id} kind="plain" onClick={() => setChosen(unit.id)}>
                  {unit.name}
                </BigButton>
              ))}
            </View>
          )
        }
      </Loaded>
    </View>
  )
}
