import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { BigButton } from '../../components/big-button'
import { DemoIdentitySwitcher } from '../../components/demo-identity-switcher'
import { Loaded } from '../../components/loaded'
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
            {data.registered && (
              <View>
                <Text className="home__greeting">{data.displayName}，您好</Text>
                {data.household && <VillagerHome household={data.household} />}
                {data.household && <MessagesEntry />}
                {data.household && <BigButton onClick={() => void Taro.navigateTo({ url: '/pages/card/index' })}>出示积分卡</BigButton>}
                {data.roles
                  .filter((role) => role.role !== 'villager')
                  .map((role) => (
                    <StaffRoleCard key={`${role.role}:${role.org.id}`} role={role} />
                  ))}
              </View>
            )}
          </>
        )}
      </Loaded>
    </View>
  )
}
