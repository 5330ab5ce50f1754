import { Text, View } from '@tarojs/components'
import { formatLocalTime } from '../core/period'
import './status-views.css'

/**
 * Said above figures that could not be brought up to date (the network is down): the time they are
 * from, so nobody takes yesterday's balance for today's.
 */
export function OfflineBanner({ figuresAt }: { figuresAt: Date }) {
  return (
    <View className="offline-banner" role="status">
      <Text className="offline-banner__text">没连上网，下面是 {formatLocalTime(figuresAt)} 的数字，可能不是最新的。有网后回到首页会自动更新。</Text>
    </View>
  )
}
