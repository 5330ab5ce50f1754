import { Text, View } from '@tarojs/components'
import './status-views.css'

/** Shown while a page waits for the backend. */
export function LoadingView({ text = '正在加载，请稍等…' }: { text?: string }) {
  return (
    <View className="status-view">
      <Text className="status-view__text">{text}</Text>
    </View>
  )
}
