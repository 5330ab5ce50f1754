import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { myDividends } from '../../api/dividend'
import { BigButton } from '../../components/big-button'
import { Loaded } from '../../components/loaded'
import type { MyDividendYear } from '../../core/contracts/dividend'
import { formatYuan } from '../../core/money'
import { formatLocalTime } from '../../core/period'
import { useEnvelope } from '../../hooks/use-envelope'
import './index.css'

/** 我家的分红: each published year's dividend of my household, with the arithmetic in plain words. */
export default function MyDividendPage() {
  const { state, reload } = useEnvelope(myDividends, [])
  return (
    <View className="screen my-dividend">
      <Loaded state={state} onRetry={reload}>
        {(data) => (
          <>
            {data.years.length === 0 && (
              <View className="card">
                <Text className="plain-text">{data.household.village.name}还没有公示分红。公示后，这里会写清楚您家分多少、怎么算的。</Text>
              </View>
            )}
            {data.years.map((year) => <YearCard key={year.run.id} year={year} />)}
          </>
        )}
      </Loaded>
    </View>
  )
}

function YearCard({ year }: { year: MyDividendYear }) {
  const [showRules, setShowRules] = useState(false)
  const { run, line, explanation } = year
  return (
    <View className="card my-dividend__year">
      <Text className="my-dividend__title">
        {run.year}年度 {line.name} 家分红
      </Text>
      <Text className="my-dividend__total">
        {formatYuan(line.totalFen)}
        <Text className="my-dividend__unit"> 元</Text>
      </Text>
      <Text className="muted-text">
        {run.cooperative} · {formatLocalTime(run.publishedAt!)} 公示
      </Text>
      {run.supersedesRunId && <Text className="muted-text">这是更正后的名单，更正原因：{run.correctionNote}</Text>}
      <View className="my-dividend__sum">
        <Text className="my-dividend__part">
          {line.shares} 股 股份分红 <Text className="my-dividend__amount">{formatYuan(line.basicFen)} 元</Text>
        </Text>
        <Text className="my-dividend__part">
          + 全年积分 {line.points} 分 积分激励 <Text className="my-dividend__amount">{formatYuan(line.incentiveFen)} 元</Text>
        </Text>
        <Text className="my-dividend__part my-dividend__part--total">
          = 合计 <Text className="my-dividend__amount">{formatYuan(line.totalFen)} 元</Text>
        </Text>
      </View>
      <Text className="section-title">怎么算的</Text>
      <Text className="plain-text my-dividend__words">{explanation.basic}</Text>
      <Text className="plain-text my-dividend__words">{explanation.incentive}</Text>
      <Text className="plain-text my-dividend__words">{explanation.total}</Text>
      {line.pointsOrigin.length > 0 && (
        <Text className="plain-text my-dividend__words">
          积分来源：{line.pointsOrigin.map((o) => `${o.orgName} ${o.points}分`).join('，')}
        </Text>
      )}
      <BigButton kind="plain" onClick={() => setShowRules(!showRules)}>
        {showRules ? '收起分配办法' : '看分配办法'}
      </BigButton>
      {showRules &&
        year.rules.map((rule) => (
          <Text key={rule} className="plain-text my-dividend__words">
            {rule}
          </Text>
        ))}
      <BigButton kind="plain" onClick={() => void Taro.navigateTo({ url: `/pages/dividend-list/index?runId=${run.id}` })}>
        看全村公示名单
      </BigButton>
    </View>
  )
}
