import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useElderMode } from '../hooks/use-elder-mode'
import { BigButton } from './big-button'
import './status-views.css'

/**
 * A page opened without what it shows (a bookmark, a refresh, a link cut short): it says so in a
 * plain sentence and offers the way home, instead of asking the backend about nothing.
 */
export function NeedsLink({ sentence, pageClass = '' }: { sentence: string; /** The page's own root class. */ pageClass?: string }) {
  const elder = useElderMode()
  return (
    <View className={`screen ${pageClass} ${elder.rootClass}`}>
      <View className="status-view card">
        <Text className="status-view__text">{sentence}</Text>
        <BigButton onClick={() => void Taro.reLaunch({ url: '/pages/home/index' })}>回首页</BigButton>
      </View>
    </View>
  )
}
