import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { BigButton } from '../../components/big-button'
import { DemoIdentitySwitcher } from '../../components/demo-identity-switcher'
import { Loaded } from '../../components/loaded'
import { MessagesEntry } from '../../components/notice/messages-entry'
import { NotRegisteredCard } from '../../components/not-registered-card'
import { useDemoIdentities } from '../../hooks/use-demo-identities'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useWhoAmI } from '../../hooks/use-whoami'
import './index.css'

/** 我的: who I am and my roles; in H5 demo mode, the demo identity switcher. */
export default function MinePage() {
  const { state, reload } = useWhoAmI()
  const { awaitingChoice } = useDemoIdentities()
  const elder = useElderMode()
  const toggleElder = async () => {
    const envelope = await elder.set(!elder.on)
    if (!envelope.ok) void Taro.showToast({ title: envelope.error.message, icon: 'none' })
  }
  return (
    <View className={`screen mine ${elder.rootClass}`}>
      <Loaded
        state={state}
        onRetry={reload}
        errorView={(error, standard) => (error.code === 'UNAUTHENTICATED' && awaitingChoice ? null : standard)}
      >
        {(data) => (
          <>
            {!data.registered && <NotRegisteredCard />}
            {data.registered && (
              <View className="card">
                <Text className="mine__name">{data.displayName}</Text>
                {data.household && (
                  <Text className="muted-text">
                    {data.household.name} 家 · 门牌 {data.household.houseNo}
                  </Text>
                )}
                <Text className="section-title">我的身份</Text>
                {data.roles.map((role) => (
                  <Text key={`${role.role}:${role.org.id}`} className="mine__role">
                    {role.label} · {role.org.name}
                  </Text>
                ))}
              </View>
            )}
            {data.registered && data.household && (
              <View className="card">
                <MessagesEntry />
                <BigButton kind="plain" onClick={() => void Taro.navigateTo({ url: '/pages/requests/index' })}>
                  我的申报和申诉
                </BigButton>
                <BigButton kind="plain" onClick={() => void Taro.navigateTo({ url: '/credit/certificate/index' })}>
                  积分证明（善治贷）
                </BigButton>
                <BigButton kind="plain" onClick={() => void Taro.navigateTo({ url: '/pages/rules/index' })}>
                  积分细则
                </BigButton>
              </View>
            )}
            {data.registered && (
              <View className="card mine__elder">
                <Text className="section-title">长辈模式</Text>
                <Text className="muted-text">字更大，每屏内容更少，看得更清楚。</Text>
                <Text className="mine__elder-state">{elder.on ? '现在：已打开' : '现在：没打开'}</Text>
                <BigButton kind={elder.on ? 'plain' : 'primary'} onClick={() => void toggleElder()}>
                  {elder.saving ? '正在保存…' : elder.on ? '关闭长辈模式' : '打开长辈模式'}
                </BigButton>
              </View>
            )}
          </>
        )}
      </Loaded>
      <View className="card">
        {state.status === 'ok' && state.data.registered && (
          <BigButton kind="plain" onClick={() => void Taro.navigateTo({ url: '/personal/data/index' })}>
            我的信息
          </BigButton>
        )}
        <BigButton kind="plain" onClick={() => void Taro.navigateTo({ url: '/pages/privacy/index' })}>
          隐私保护指引
        </BigButton>
      </View>
      <DemoIdentitySwitcher alwaysOpen />
    </View>
  )
}
