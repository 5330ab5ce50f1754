import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ranking } from '../../api/score'
import { ChoiceChip } from '../../components/choice-chip'
import { Loaded } from '../../components/loaded'
import type { RankingRow } from '../../core/contracts/score'
import { periodsOf } from '../../core/period'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useEnvelope } from '../../hooks/use-envelope'
import '../merchant.css'

type Span = 'month' | 'year'

/**
 * 商家排行 (router param orgId: an alliance): its merchants by the points earned this month or this year,
 * by trade name, the first and the last of the list and the owner's own shop (score.ranking on an alliance).
 */
export default function MerchantRankingPage() {
  const elder = useElderMode()
  const orgId = useRouter().params.orgId ?? ''
  const [span, setSpan] = useState<Span>('month')
  const { state, reload } = useEnvelope(() => {
    const periods = periodsOf(new Date())
    return ranking(orgId, span === 'month' ? periods.month : periods.year)
  }, [orgId, span])
  return (
    <View className={`screen ${elder.rootClass}`}>
      <View className="card">
        <ChoiceChip on={span === 'month'} onClick={() => setSpan('month')}>
          本月
        </ChoiceChip>
        <ChoiceChip on={span === 'year'} onClick={() => setSpan('year')}>
          今年
        </ChoiceChip>
      </View>
      <Loaded state={state} onRetry={reload}>
        {(data) => (
          <View>
            <View className="card">
              <Text className="section-title">
                {data.org.name} {span === 'month' ? '本月' : '今年'}积分排行 · 共 {data.households} 家
              </Text>
              {data.mine && <Row row={data.mine} />}
            </View>
            <View className="card">
              <Text className="section-title">{data.bottom.length > 0 ? `前 ${data.top.length} 名` : `全部 ${data.top.length} 家`}</Text>
              {data.top.map((row) => (
                <Row key={row.householdId} row={row} />
              ))}
            </View>
            {data.bottom.length > 0 && (
              <View className="card">
                <Text className="section-title">后 {data.bottom.length} 名</Text>
                {data.bottom.map((row) => (
                  <Row key={row.householdId} row={row} />
                ))}
              </View>
            )}
            <Text className="muted-text">排行只算{span === 'month' ? '本月' : '今年'}评分得到的积分，星级和红黑榜请看红黑榜。</Text>
          </View>
        )}
      </Loaded>
    </View>
  )
}

function Row({ row }: { row: RankingRow }) {
  return (
    <View className="merchant__row">
      <Text className="merchant__name">
        第 {row.rank} 名 {row.maskedName}
        {row.mine ? '（我的店）' : ''}
      </Text>
      <Text className="plain-text">{row.points} 分</Text>
    </View>
  )
}
