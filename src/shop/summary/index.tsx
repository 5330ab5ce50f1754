import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { dailySummary, reconcile } from '../../api/card'
import { Loaded } from '../../components/loaded'
import { WithScope } from '../../components/with-scope'
import type { DailySummary, Reconciliation } from '../../core/contracts/card'
import type { Envelope } from '../../core/contracts/envelope'
import { formatLocalTime, localDay, shiftDay } from '../../core/period'
import { useEnvelope } from '../../hooks/use-envelope'
import { useReloadOnReturn } from '../../hooks/use-reload-on-return'
import './index.css'

type Day = { summary: DailySummary; reconciliation: Reconciliation }

async function loadDay(shopId: string, day: string): Promise<Envelope<Day>> {
  const [summary, reconciliation] = await Promise.all([dailySummary(shopId, day), reconcile(shopId, day)])
  if (!summary.ok) return summary
  if (!reconciliation.ok) return reconciliation
  return { ok: true, data: { summary: summary.data, reconciliation: reconciliation.data } }
}

/**
 * 兑换汇总 of one day (today first): receipts, points taken, reversals, goods that left the shelf,
 * and the check of the receipts against the ledger. A receipt opens to be looked at or reversed.
 */
export default function SummaryPage() {
  return (
    <WithScope permission="viewShopReports" kinds={['shop']} question="看哪个积分超市的汇总？">
      {(shopId) => <ShopSummary shopId={shopId} />}
    </WithScope>
  )
}

function ShopSummary({ shopId }: { shopId: string }) {
  const today = localDay(new Date())
  const [day, setDay] = useState(today)
  const { state, reload } = useEnvelope(() => loadDay(shopId, day), [shopId, day])
  // Back from a receipt that was reversed: the day's figures change.
  useReloadOnReturn(reload)

  return (
    <View className="screen summary">
      <View className="summary__days">
        <Text className="summary__day-step" onClick={() => setDay(shiftDay(day, -1))}>
          ‹ 前一天
        </Text>
        <Text className="summary__day">{day === today ? `今天 ${day}` : day}</Text>
        {day < today ? (
          <Text className="summary__day-step" onClick={() => setDay(shiftDay(day, 1))}>
            后一天 ›
          </Text>
        ) : (
          <Text className="summary__day-step summary__day-step--off">后一天 ›</Text>
        )}
      </View>
      <Loaded state={state} onRetry={reload}>
        {(data) => <DayView {...data} />}
      </Loaded>
    </View>
  )
}

function DayView({ summary, reconciliation }: Day) {
  return (
    <View>
      <View className="card">
        <Text className="section-title">{summary.shop.name}</Text>
        <Text className="plain-text">兑换 {summary.redemptionCount} 笔，共 {summary.pointsSpent} 分</Text>
        <Text className="plain-text">
          撤销 {summary.reversedCount} 笔，退回 {summary.pointsReturned} 分
        </Text>
        <Text className="plain-text summary__net">实收 {summary.pointsSpent - summary.pointsReturned} 分</Text>
        {reconciliation.balanced ? (
          <Text className="summary__check summary__check--ok">对账：小票和积分明细一致 ✓</Text>
        ) : (
          <View>
            <Text className="summary__check">对账：有 {reconciliation.mismatches.length} 处对不上，请报告村干部</Text>
            {reconciliation.mismatches.map((m, index) => (
              <Text key={index} className="muted-text">
                {m.receiptId ? `小票 ${m.receiptId}：` : ''}
                {m.problem}
              </Text>
            ))}
          </View>
        )}
      </View>
      <Text className="section-title">商品出库</Text>
      <View className="card">
        {summary.goods.length === 0 && <Text className="muted-text">这天没有兑出商品</Text>}
        {summary.goods.map((g) => (
          <View key={g.goodsId} className="summary__row">
            <Text>
              {g.name} × {g.quantity}
            </Text>
            <Text>{g.points} 分</Text>
          </View>
        ))}
      </View>
      <Text className="section-title">小票（点开可查看或撤销）</Text>
      <View className="card">
        {summary.receipts.length === 0 && <Text className="muted-text">这天没有兑换</Text>}
        {summary.receipts.map((r) => (
          <View
            key={r.receiptId}
            className="summary__row summary__receipt"
            onClick={() => void Taro.navigateTo({ url: `/shop/receipt/index?id=${r.receiptId}` })}
          >
            <Text>
              {formatLocalTime(r.redeemedAt).slice(11)} {r.householdName}
            </Text>
            <View className="summary__receipt-points">
              <Text>{r.reversed ? `已撤销 ${r.pointsSpent} 分` : `${r.pointsSpent} 分`}</Text>
              <Text className="summary__open"> ›</Text>
            </View>
          </View>
        ))}
      </View>
    </View>
  )
}
