import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ApiError } from '../core/contracts/envelope'
import { BigButton } from './big-button'
import './status-views.css'

/** Errors that may be gone on the next try: the network or a busy server. Any other answer will be the same. */
const RETRYABLE: ReadonlySet<ApiError['code']> = new Set(['INTERNAL', 'BUSY'])

/**
 * A failed call: the backend's plain Chinese message and the way on. 重试 only where trying again can
 * help (the network, a busy server); for an answer that will not change (no right, nothing found, a
 * link cut short) the way home instead.
 */
export function ErrorView({ error, onRetry }: { error: Pick<ApiError, 'code' | 'message'>; onRetry: () => void }) {
  return (
    <View className="status-view card">
      <Text className="status-view__text status-view__text--error">{error.message}</Text>
      {RETRYABLE.has(error.code) ? (
        <BigButton onClick={onRetry}>重试</BigButton>
      ) : (
        <BigButton kind="plain" onClick={() => void Taro.reLaunch({ url: '/pages/home/index' })}>
          回首页
        </BigButton>
      )}
    </View>
  )
}
