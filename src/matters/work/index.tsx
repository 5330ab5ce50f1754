import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { matterWorkList } from '../../api/matter'
import { Loaded } from '../../components/loaded'
import { OnlyOverdueBar, useOnlyOverdue } from '../../components/only-overdue'
import type { MatterWorkList } from '../../core/contracts/matter'
import { MATTER_STEP_LABELS } from '../../core/matter'
import { useElderMode } from '../../hooks/use-elder-mode'
import { MatterCard } from '../components/matter-card'
import { useMatterPage } from '../components/use-matter-page'
import '../matters.css'

/**
 * 议事待办 (router param orgId, else the first organisation of the caller's roles): the open matters
 * where a step is mine to take (研判, 交办, 办理, 反馈). With `only=overdue` (首页's overdue count) it
 * opens on the 逾期 ones alone, and says so.
 */
export default function MatterWorkPage() {
  const elder = useElderMode()
  const orgId = useRouter().params.orgId
  const { state, reload } = useMatterPage(() => matterWorkList(orgId), [orgId])
  const [onlyOverdue, setOnlyOverdue] = useOnlyOverdue()
  return (
    <View className={`screen matters ${elder.rootClass}`}>
      <Loaded state={state} onRetry={reload}>
        {(data) => <WorkList data={data} onlyOverdue={onlyOverdue} setOnlyOverdue={setOnlyOverdue} />}
      </Loaded>
    </View>
  )
}

function WorkList({ data, onlyOverdue, setOnlyOverdue }: { data: MatterWorkList; onlyOverdue: boolean; setOnlyOverdue: (only: boolean) => void }) {
  const overdue = data.matters.filter((matter) => matter.status === 'overdue')
  const shown = onlyOverdue ? overdue : data.matters
  return (
    <View>
      <Text className="section-title">{data.org.name} · 议事待办 {data.matters.length} 件</Text>
      <OnlyOverdueBar only={onlyOverdue} onChange={setOnlyOverdue} overdue={overdue.length} all={data.matters.length} unit="件" />
      {data.matters.length === 0 && (
        <View className="card">
          <Text className="plain-text">现在没有等您办的议事。</Text>
        </View>
      )}
      {shown.map((matter) => (
        <MatterCard key={matter.id} matter={matter} link>
          <Text className="plain-text matter-card__seconds">可以：{matter.mayTake.map((step) => MATTER_STEP_LABELS[step]).join('、')}</Text>
        </MatterCard>
      ))}
    </View>
  )
}
