import { Text, View } from '@tarojs/components'
import type { ReceiptView } from '../core/contracts/card'
import { formatLocalTime } from '../core/period'
import './receipt-card.css'

/** A redemption receipt as both phones show it: what was taken, the points, the balance left. */
export function ReceiptCard({ receipt, title }: { receipt: ReceiptView; title: string }) {
  return (
    <View className={`card receipt-card${receipt.reversal ? ' receipt-card--reversed' : ''}`}>
      <Text className="receipt-card__title">{receipt.reversal ? '已撤销' : title}</Text>
      <Text className="receipt-card__line">
        {receipt.shop.name} · {receipt.householdName}（{receipt.villageName}）
      </Text>
      {receipt.lines.map((line) => (
        <View key={line.goodsId} className="receipt-card__row">
          <Text>
            {line.name} × {line.quantity}
          </Text>
          <Text>{line.points} 分</Text>
        </View>
      ))}
      <View className="receipt-card__row receipt-card__total">
        <Text>共用积分</Text>
        <Text className="receipt-card__spent">{receipt.pointsSpent} 分</Text>
      </View>
      {/* After an undo the balance then is no longer the balance: the points went back. */}
      {!receipt.reversal && <Text className="receipt-card__line">兑换后剩余：{receipt.balanceAfter} 分</Text>}
      <Text className="receipt-card__meta">
        小票 {receipt.receiptId} · {formatLocalTime(receipt.redeemedAt)} · 店员 {receipt.clerkName}
      </Text>
      {receipt.reversal && (
        <Text className="receipt-card__meta">
          {formatLocalTime(receipt.reversal.at)} 由 {receipt.reversal.byName} 撤销，积分已退回
          {receipt.reversal.reason ? `（${receipt.reversal.reason}）` : ''}
        </Text>
      )}
    </View>
  )
}
