import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { changeWalks, sendWaitingWalks } from '../../api/walk-store'
import { newRequestId } from '../../api/request-id'
import { walkRules } from '../../api/walk-copies'
import { BigButton } from '../../components/big-button'
import { PointsText } from '../../components/points-text'
import { formatLocalTime } from '../../core/period'
import { needsNewRule, refusedHousehold, retriedWalk } from '../../core/walk-fixes'
import { withoutWalk, type QueuedWalk } from '../../core/walk-queue'
import { StatusTag as ToneTag } from '../../components/villager/status-tag'
import './queued-walk-card.css'

/**
 * A walk kept on the phone: its rule, its households and when it was recorded. A walk the server
 * refused says so beside the household it is about, with what the leader can do: score again under
 * the rule now in force, take that household out, or drop the walk.
 */
export function QueuedWalkCard({ walk }: { walk: QueuedWalk }) {
  const refused = refusedHousehold(walk)
  const dropHousehold = (householdId: string) => {
    changeWalks((queue) => retriedWalk(queue, walk.requestId, newRequestId(), { dropHouseholdId: householdId }))
    void sendWaitingWalks()
  }
  const scoreUnderNewRule = async () => {
    const envelope = await walkRules(walk.orgId)
    const rule = envelope.ok ? envelope.data.rules.find((r) => r.code === walk.rule.code) : undefined
    if (!rule) {
      void Taro.showModal({ title: '细则已经变了', content: '现在的细则里没有这一条了，只能删除这次评分，再按现在的细则重新评。', showCancel: false })
      return
    }
    changeWalks((queue) => retriedWalk(queue, walk.requestId, newRequestId(), { rule: { id: rule.id, code: rule.code, title: rule.title, points: rule.points } }))
    void sendWaitingWalks()
  }
  const drop = async () => {
    const { confirm } = await Taro.showModal({ title: '删除这次评分', content: '删除后这次评分不会上传，也不会记分。确定删除吗？', confirmText: '删除', cancelText: '取消' })
    if (confirm) changeWalks((queue) => withoutWalk(queue, walk.requestId))
  }

  return (
    <View className="card queued-walk">
      <View className="queued-walk__head">
        <Text className="queued-walk__rule">{walk.rule.title}</Text>
        <PointsText points={walk.rule.points} size="normal" />
      </View>
      <Text className="muted-text">
        {formatLocalTime(walk.observedAt)} 记下 · {walk.households.length} 户 · 照片 {walk.photos.length} 张
      </Text>
      {walk.refusal ? <ToneTag text="没被接受" tone="bad" /> : <ToneTag text="待上传" tone="wait" />}
      {walk.households.map((household) => (
        <View key={household.id} className="queued-walk__household">
          <Text className="plain-text">
            {household.name}　门牌 {household.houseNo}
          </Text>
          {refused?.id === household.id && (
            <View>
              <Text className="queued-walk__refusal">{walk.refusal!.message}</Text>
              <BigButton kind="plain" onClick={() => dropHousehold(household.id)}>
                去掉这户，其他的再上传
              </BigButton>
            </View>
          )}
        </View>
      ))}
      {walk.refusal && !refused && <Text className="queued-walk__refusal">{walk.refusal.message}</Text>}
      {walk.refusal && needsNewRule(walk) && <BigButton onClick={() => void scoreUnderNewRule()}>按现在的细则重新评</BigButton>}
      {walk.refusal && (
        <BigButton kind="plain" onClick={() => void drop()}>
          删除这次评分
        </BigButton>
      )}
    </View>
  )
}
