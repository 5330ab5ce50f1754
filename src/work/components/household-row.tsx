import { Text, View } from '@tarojs/components'
import type { HouseholdView } from '../../core/contracts/account'
import './household-row.css'

/** One household in a cadre's list: name, 门牌, group, shares and the points balance. */
export function HouseholdRow({ household }: { household: HouseholdView }) {
  return (
    <View className="card household-row">
      <View className="household-row__main">
        <Text className="household-row__name">{household.name}</Text>
        <Text className="household-row__detail">门牌 {household.houseNo}</Text>
        <Text className="household-row__detail">
          {household.group?.name ?? household.village.name} · {household.shares} 股
        </Text>
      </View>
      <View className="household-row__points">
        <Text className="household-row__points-value">{household.balance}</Text>
        <Text className="household-row__points-label">积分</Text>
      </View>
    </View>
  )
}
