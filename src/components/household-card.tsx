import { Text, View } from '@tarojs/components'
import type { HouseholdView } from '../core/contracts/account'
import { PointsText } from './points-text'
import './household-card.css'

/** A villager's own household: who, where, how many shares, the points balance very large, and this month's change. */
export function HouseholdCard({ household, thisMonth = null }: { household: HouseholdView; thisMonth?: number | null }) {
  const place = household.group ? `${household.village.name} ${household.group.name}` : household.village.name
  return (
    <View className="card household-card">
      <Text className="household-card__name">{household.name} 家</Text>
      <Text className="household-card__line">门牌：{household.houseNo}</Text>
      <Text className="household-card__line">所在：{place}</Text>
      <Text className="household-card__line elder-hide">股数：{household.shares} 股</Text>
      <View className="household-card__points">
        <Text className="household-card__points-label">我家善治积分</Text>
        <Text className="household-card__points-value">
          {household.balance}
          <Text className="household-card__points-unit">分</Text>
        </Text>
        {thisMonth !== null && (
          <Text className="household-card__month">
            本月变化 <PointsText points={thisMonth} /> 分
          </Text>
        )}
      </View>
    </View>
  )
}
