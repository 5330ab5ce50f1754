import { Text, View } from '@tarojs/components'
import { formatYuan } from '../../core/money'
import './money-row.css'

/** A label and an amount in yuan (from fen), on one line. */
export function MoneyRow({ label, fen, strong = false }: { label: string; fen: number; strong?: boolean }) {
  return (
    <View className={`money-row${strong ? ' money-row--strong' : ''}`}>
      <Text className="money-row__label">{label}</Text>
      <Text className="money-row__value">{formatYuan(fen)} 元</Text>
    </View>
  )
}
