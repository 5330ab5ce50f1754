import { Text, View } from '@tarojs/components'
import { dailySummary } from '../../api/card'
import { formatLocalTime } from '../../core/period'
import { ErrorView } from '../../components/error-view'
import { LoadingView } from '../../components/loading-view'
import { useEnvelope } from '../../hooks/use-envelope'
import './index.css'

/** 今日兑换汇总: today's receipts at the shop, points taken, reversals and goods that left the shelf. */
export default function SummaryPage() {
  const { state, reload } = useEnvelope(() => dailySummary(), [])
  if (state.status === 'loading') return <View className="screen"><LoadingView /></View>
  if (state.status === 'error') return <View className="screen"><ErrorView message={state.error.message} onRetry={reload} /></View>
  const summary = state.data
  return (
    <View className="screen summary">
      <View className="card">
        <Text className="section-title">
          {summary.shop.name} · {summary.day}
        </Text>
        <Text className="plain-text">兑换 {summary.redemptionCount} 笔，共 {summary.pointsSpent} 分</Text>
        <Text className="plain-text">
          撤销 {summary.reversedCount} 笔，退回 {summary.pointsReturned} 分
        </Text>
        <Text className="plain-text summary__net">实收 {summary.pointsSpent - summary.pointsReturned} 分</Text>
      </View>
      <Text className="section-title">商品出库</Text>
      <View className="card">
        {summary.goods.length === 0 && <Text className="muted-text">今天还没有兑出商品</Text>}
        {summary.goods.map((g) => (
          <View key={g.goodsId} className="summary__row">
            <Text>
              {g.name} × {g.quantity}
            </Text>
            <Text>{g.points} 分</Text>
          </View>
        ))}
      </View>
      <Text className="section-title">小票</Text>
      <View className="card">
        {summary.receipts.length === 0 && <Text className="muted-text">今天还没有兑换</Text>}
        {summary.receipts.map((r) => (
          <View key={r.receiptId} className="summary__row">
            <Text>
              {formatLocalTime(r.redeemedAt).slice(11)} {r.householdName}
            </Text>
            <Text>{r.reversed ? `已撤销 ${r.pointsSpent} 分` : `${r.pointsSpent} 分`}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
