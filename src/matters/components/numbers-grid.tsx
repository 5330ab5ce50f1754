import { Text, View } from '@tarojs/components'
import type { MatterNumbers } from '../../core/matter-numbers'

function percent(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`
}

/** The numbers of one place: raised, closed, median days to feedback, satisfaction, overdue. */
export function NumbersGrid({ numbers }: { numbers: MatterNumbers }) {
  const cells = [
    { label: '提出', value: String(numbers.raised) },
    { label: '办结', value: String(numbers.closed) },
    { label: '逾期', value: String(numbers.overdue) },
    { label: '反馈天数（中位）', value: numbers.medianDaysToFeedback === null ? '—' : String(numbers.medianDaysToFeedback) },
    { label: `满意率（${numbers.rated} 件评价）`, value: percent(numbers.satisfaction) },
  ]
  return (
    <View className="matters__numbers">
      {cells.map((cell) => (
        <View key={cell.label} className="matters__number">
          <Text className="matters__number-value">{cell.value}</Text>
          <Text className="matters__number-label">{cell.label}</Text>
        </View>
      ))}
    </View>
  )
}
