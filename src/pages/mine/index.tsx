import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { BigButton } from '../../components/big-button'
import { DemoIdentitySwitcher } from '../../components/demo-identity-switcher'
import { ErrorView } from '../../components/error-view'
import { LoadingView } from '../../components/loading-view'
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
      {state.status === 'loading' && <LoadingView />}
      {state.status === 'error' && !(state.error.code === 'UNAUTHENTICATED' && awaitingChoice) && (
        <ErrorView message={state.error.message} onRetry={reload} />
      )}
      {state.status === 'ok' && !state.data.registered && <NotRegisteredCard />}
      {state.status === 'ok' && state.data.registered && (
        <View className="card">
          <Text className="mine__name">{state.data.displayName}</Text>
          {state.data.household && (
            <Text className="muted-text">
              {state.data.household.name} 家 · 门牌 {state.data.household.houseNo}
            </Text>
          )}
          <Text className="section-title">我的身份</Text>
          {state.data.roles.map((role) => (
            <Text key={`${role.role}:${role.org.id}`} className="mine__role">
              {role.label} · {role.org.name}
            </Text>
          ))}
        </View>
      )}
      {state.status === 'ok' && state.data.registered && state.data.household && (
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
      {state.status === 'ok' && state.data.registered && (
        <View className="card mine__elder">
          <Text className="section-title">长辈模式</Text>
          <Text className="muted-text">字更大，每屏内容更少，看得更清楚。</Text>
          <Text className="mine__elder-state">{elder.on ? '现在：已打开' : '现在：没打开'}</Text>
          <BigButton kind={elder.on ? 'plain' : 'primary'} onClick={() => void toggleElder()}>
            {elder.saving ? '正在保存…' : elder.on ? '关闭长辈模式' : '打开长辈模式'}
          </BigButton>
        </View>
      )}
      <View className="card">
        <BigButton kind="plain" onClick={() => void Taro.navigateTo({ url: '/pages/privacy/index' })}>
          隐私保护指引
        </BigButton>
      </View>
      <DemoIdentitySwitcher alwaysOpen />
    </View>
  )
}
