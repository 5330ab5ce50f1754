import { Text, View } from '@tarojs/components'
import { useEffect } from 'react'
import { waiting } from '../../api/account'
import { onDemoIdentityChange } from '../../api/demo-identity'
import type { Waiting, WhoAmI } from '../../core/contracts/account'
import { DemoIdentitySwitcher } from '../../components/demo-identity-switcher'
import { Loaded } from '../../components/loaded'
import { MessagesEntry } from '../../components/notice/messages-entry'
import { NotRegisteredCard } from '../../components/not-registered-card'
import { StaffRoleCard } from '../../components/staff-role-card'
import { WaitingWalksEntry } from '../../components/waiting-walks-entry'
import { HouseholdTodo } from '../../components/villager/household-todo'
import { VillagerHome } from '../../components/villager/villager-home'
import { useDemoIdentities } from '../../hooks/use-demo-identities'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useEnvelope } from '../../hooks/use-envelope'
import { useReloadOnReturn } from '../../hooks/use-reload-on-return'
import { useWhoAmI } from '../../hooks/use-whoami'
import './index.css'

/**
 * A registered caller's 首页: what waits for them first (the household's 整改 with the days left, an
 * answer to its matters, a 积分证明 about to expire; the count on each piece of staff work), asked
 * again each time the page shows.
 */
function RegisteredHome({ me }: { me: Extract<WhoAmI, { registered: true }> }) {
  const { state, reload } = useEnvelope(() => waiting(), [me.household?.id, me.roles.length])
  useReloadOnReturn(reload)
  useEffect(() => onDemoIdentityChange(reload), [reload])
  const waits: Waiting = state.status === 'ok' ? state.data : { notices: [], answers: [], certificates: [], work: [] }
  return (
    <View>
      <Text className="home__greeting">{me.displayName}，您好</Text>
      {me.household && <HouseholdTodo waits={waits} />}
      {me.household && <VillagerHome household={me.household} />}
      {me.household && <MessagesEntry />}
      {me.roles
        .filter((role) => role.role !== 'villager')
        .map((role) => (
          <StaffRoleCard key={`${role.role}:${role.org.id}`} role={role} waiting={waits.work.filter((w) => w.orgId === role.org.id)} />
        ))}
    </View>
  )
}

/** 首页: a villager sees the household's points; staff see their roles and work. */
export default function HomePage() {
  const { state, reload } = useWhoAmI()
  const { awaitingChoice } = useDemoIdentities()
  const elder = useElderMode()
  return (
    <View className={`screen home ${elder.rootClass}`}>
      <DemoIdentitySwitcher />
      {/* Before anything the network must answer: walks kept without signal are shown without it too. */}
      <WaitingWalksEntry />
      <Loaded
        state={state}
        onRetry={reload}
        errorView={(error, standard) =>
          error.code === 'UNAUTHENTICATED' && awaitingChoice ? <Text className="plain-text">请先在上面选一个演示身份。</Text> : standard
        }
      >
        {(data) => (
          <>
            {(!data.registered || (!data.household && data.roles.length === 0)) && (
              <NotRegisteredCard />
            )}
            {data.registered && <RegisteredHome me={data} />}
          </>
        )}
      </Loaded>
    </View>
  )
}
