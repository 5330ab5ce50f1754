import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { BigButton } from './big-button'

/** Shown to a WeChat user who is not in any village's register yet. */
export function NotRegisteredCard() {
  return (
    <View className="card">
      <Text className="section-title">您还没有登记</Text>
      <Text className="plain-text">您的微信还没有绑定到家里，看不到积分。请找村干部要一个邀请码，再点下面的按钮。</Text>
      <BigButton onClick={() => void Taro.navigateTo({ url: '/pages/bind/index' })}>绑定我家</BigButton>
      <Text className="plain-text">村干部、网格长等工作人员：用街道或村里发的工作码绑定。</Text>
      <BigButton kind="plain" onClick={() => void Taro.navigateTo({ url: '/org/join/index' })}>
        我是工作人员
      </BigButton>
    </View>
  )
}
