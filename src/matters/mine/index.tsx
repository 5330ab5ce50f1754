import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { myMatters } from '../../api/matter'
import { BigButton } from '../../components/big-button'
import { Loaded } from '../../components/loaded'
import { useElderMode } from '../../hooks/use-elder-mode'
import { MatterCard } from '../components/matter-card'
import { useMatterPage } from '../components/use-matter-page'
import '../matters.css'

/** 我的议事: what my household raised and what we said 我也遇到 to, newest first. */
export default function MyMattersPage() {
  const elder = useElderMode()
  const { state, reload } = useMatterPage(() => myMatters(), [])
  return (
    <View className={`screen matters ${elder.rootClass}`}>
      <BigButton onClick={() => void Taro.navigateTo({ url: '/matters/raise/index' })}>我要议事</BigButton>
      <Loaded state={state} onRetry={reload}>
        {(data) => (
          <>
            {data.length === 0 && (
              <View className="card">
                <Text className="plain-text">您家还没有提过事。遇到问题或有好建议，点上面的“我要议事”。</Text>
              </View>
            )}
            {data.map((matter) => <MatterCard key={matter.id} matter={matter} link />)}
          </>
        )}
      </Loaded>
      <BigButton kind="plain" onClick={() => void Taro.navigateTo({ url: '/matters/board/index' })}>
        看连心议站公开栏
      </BigButton>
    </View>
  )
}
