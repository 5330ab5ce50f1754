import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { matterBoard } from '../../api/matter'
import { BigButton } from '../../components/big-button'
import { Loaded } from '../../components/loaded'
import { useElderMode } from '../../hooks/use-elder-mode'
import { MatterCard } from '../components/matter-card'
import { NumbersGrid } from '../components/numbers-grid'
import { useMatterPage } from '../components/use-matter-page'
import '../matters.css'

/** 连心议站公开栏: every matter of a micro-grid (or village, or street) and its state; names masked. */
export default function MatterBoardPage() {
  const elder = useElderMode()
  const orgId = useRouter().params.orgId
  const { state, reload } = useMatterPage(() => matterBoard(orgId), [orgId])
  return (
    <View className={`screen matters ${elder.rootClass}`}>
      <Loaded state={state} onRetry={reload}>
        {(data) => (
          <View>
            <View className="card">
              <Text className="section-title">{data.org.name} · 连心议站</Text>
              <NumbersGrid numbers={data.numbers} />
              <Text className="muted-text">同样的问题不用再提，点进去按“我也遇到”。</Text>
            </View>
            {data.village && data.village.id !== data.org.id && (
              <BigButton kind="plain" onClick={() => void Taro.navigateTo({ url: `/matters/board/index?orgId=${encodeURIComponent(data.village!.id)}` })}>
                看全村的议事
              </BigButton>
            )}
            {data.matters.length === 0 && (
              <View className="card">
                <Text className="plain-text">这里还没有议事。</Text>
              </View>
            )}
            {elder.trim(data.matters, 50).map((matter) => (
              <MatterCard key={matter.id} matter={matter} link />
            ))}
          </View>
        )}
      </Loaded>
    </View>
  )
}
