import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { matterWorkList } from '../../api/matter'
import { Loaded } from '../../components/loaded'
import { MATTER_STEP_LABELS } from '../../core/matter'
import { useElderMode } from '../../hooks/use-elder-mode'
import { MatterCard } from '../components/matter-card'
import { useMatterPage } from '../components/use-matter-page'
import '../matters.css'

/** 议事待办: the open matters where a step is mine to take (研判, 交办, 办理, 反馈). */
export default function MatterWorkPage() {
  const elder = useElderMode()
  const orgId = useRouter().params.orgId
  const { state, reload } = useMatterPage(() => matterWorkList(orgId), [orgId])
  return (
    <View className={`screen matters ${elder.rootClass}`}>
      <Loaded state={state} onRetry={reload}>
        {(data) => (
          <View>
            <Text className="section-title">{data.org.name} · 议事待办 {data.matters.length} 件</Text>
            {data.matters.length === 0 && (
              <View className="card">
                <Text className="plain-text">现在没有等您办的议事。</Text>
              </View>
            )}
            {data.matters.map((matter) => (
              <MatterCard key={matter.id} matter={matter} link>
                <Text className="plain-text matter-card__seconds">可以：{matter.mayTake.map((step) => MATTER_STEP_LABELS[step]).join('、')}</Text>
              </MatterCard>
            ))}
          </View>
        )}
      </Loaded>
    </View>
  )
}
