import { Text, View } from '@tarojs/components'
import { BigButton } from './big-button'
import './status-views.css'

/** A failed call: the backend's plain Chinese message and a button to try again. */
export function ErrorView({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <View className="status-view card">
      <Text className="status-view__text status-view__text--error">{message}</Text>
      <BigButton onClick={onRetry}>重试</BigButton>
    </View>
  )
}
