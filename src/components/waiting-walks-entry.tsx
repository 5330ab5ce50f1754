import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useWaitingWalks } from '../hooks/use-waiting-walks'
import { BigButton } from './big-button'

/** 首页: 「待上传」 with the number of inspection walks kept on this phone, shown only while some wait. */
export function WaitingWalksEntry() {
  const walks = useWaitingWalks()
  if (walks.length === 0) return null
  const refused = walks.filter((w) => w.refusal).length
  return (
    <View className="card">
      <Text className="section-title">待上传 {walks.length} 次评分</Text>
      <Text className="plain-text">
        {refused > 0 ? `其中 ${refused} 次没被接受，请看看怎么处理。` : '这些评分还在手机里，有网以后会自动上传，上传成功才算记分。'}
      </Text>
      <BigButton onClick={() => void Taro.navigateTo({ url: '/work/walk-queue/index' })}>查看待上传</BigButton>
    </View>
  )
}
