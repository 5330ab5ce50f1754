import { Text, View } from '@tarojs/components'
import type { RunLineView } from '../../core/contracts/dividend'
import { formatYuan } from '../../core/money'
import './run-line.css'

/** One household's line of a run, as the cooperative reviews it. */
export function RunLine({ line }: { line: RunLineView }) {
  return (
    <View className="run-line">
      <View className="run-line__head">
        <Text className="run-line__name">{line.name}</Text>
        <Text className="run-line__total">{formatYuan(line.totalFen)} 元</Text>
      </View>
      <Text className="run-line__detail">
        {line.houseNo ? `${line.houseNo} · ` : ''}
        {line.shares} 股 · 全年积分 {line.points} 分
      </Text>
      <Text className="run-line__detail">
        股份分红 {formatYuan(line.basicFen)} 元 + 积分激励 {formatYuan(line.incentiveFen)} 元
      </Text>
      {line.pointsOrigin.length > 1 && (
        <Text className="run-line__origin">积分来源：{line.pointsOrigin.map((o) => `${o.orgName} ${o.points}分`).join('，')}</Text>
      )}
    </View>
  )
}
