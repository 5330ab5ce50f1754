import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { BigButton } from '../../components/big-button'
import { DemoIdentitySwitcher } from '../../components/demo-identity-switcher'
import { ErrorView } from '../../components/error-view'
import { LoadingView } from '../../components/loading-view'
import { MessagesEntry } from '../../components/notice/messages-entry'
import { NotRegisteredCard } from '../../components/not-registered-card'
import { StaffRoleCard } from '../../components/staff-role-card'
import { VillagerHome } from '../../components/villager/villager-home'
import { useDemoIdentities } from '../../hooks/use-demo-identities'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useWhoAmI } from '../../hooks/use-whoami'
import './index.css'

/** 首页: a villager sees the household's points; staff see their roles and work. */
export default function HomePage() {
  const { state, reload } = useWhoAmI()
  const { awaitingChoice } = useDemoIdentities()
  const elder = useElderMode()
  return (
    <View className={`screen home ${elder.rootClass}`}>
      <DemoIdentitySwitcher />
      {state.status === 'loading' && <LoadingView />}
      {state.status === 'error' &&
        (state.error.code === 'UNAUTHENTICATED' && awaitingChoice ? (
          <Text className="plain-text">请先在上面选一个演示身份。</Text>
        ) : (
          <ErrorView message={state.error.message} onRetry={reload} />
        ))}
      {state.status === 'ok' && (!state.data.registered || (!state.data.household && state.data.roles.length === 0)) && (
        <NotRegisteredCard />
      )}
      {state.status === 'ok' && state.data.registered && (
        <View>
          <Text className="home__greeting">{state.data.displayName}，您好</Text>
          {state.data.household && <VillagerHome household={state.data.household} />}
          {state.data.household && <MessagesEntry />}
          {state.data.household && <BigButton onClick={() => void Taro.navigateTo({ url: '/pages/card/index' })}>出示积分卡</BigButton>}
          {state.data.roles
            .filter((role) => role.role !== 'villager')
            .map((role) => (
              <StaffRoleCard key={`${role.role}:${role.org.id}`} role={role} />
            ))}
        </View>
      )}
    </View>
  )
}
