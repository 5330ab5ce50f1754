import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ranking } from '../../api/score'
import { BigButton } from '../../components/big-button'
import { Loaded } from '../../components/loaded'
import type { RankingRow } from '../../core/contracts/score'
import { periodsOf } from '../../core/period'
import { myRankText, pointsTone, signedPoints } from '../../core/villager-labels'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useEnvelope } from '../../hooks/use-envelope'
import { useReloadOnReturn } from '../../hooks/use-reload-on-return'
import { useWhoAmI } from '../../hooks/use-whoami'
import './index.css'

type Span = 'month' | 'year'

function RankRow({ row }: { row: RankingRow }) {
  return (
    <View className={`ranking-row ${row.mine ? 'ranking-row--mine' : ''}`}>
      <Text className="ranking-row__rank">{row.rank}</Text>
      <View className="ranking-row__who">
        <Text className="ranking-row__name">
          {row.maskedName}
          {row.mine ? '（我家）' : ''}
        </Text>
        {row.group && <Text className="ranking-row__group">{row.group}</Text>}
      </View>
      <Text className={`ranking-row__points ranking-row__points--${pointsTone(row.points)}`}>
        {row.points < 0 ? signedPoints(row.points) : row.points} 分
      </Text>
    </View>
  )
}

/** 村排行 (tab): my village's households by points earned this month or this year; mine first and highlighted. */
export default function RankingPage() {
  const elder = useElderMode()
  const who = useWhoAmI()
  const [span, setSpan] = useState<Span>('month')
  const [showAll, setShowAll] = useState(false)
  const villageId = who.state.status === 'ok' && who.state.data.registered ? (who.state.data.household?.village.id ?? null) : null
  // The period is taken when the page asks, so a page left open over a month end asks for the new month.
  const { state, reload } = useEnvelope(
    () => {
      const periods = periodsOf(new Date())
      return villageId
        ? ranking(villageId, span === 'month' ? periods.month : periods.year)
        : Promise.resolve({ ok: false as const, error: { code: 'FORBIDDEN' as const, message: '您还没有绑定农户，看不到村排行' } })
    },
    [villageId, span],
  )
  // Back on the tab: the newest points (the first show is the load above).
  useReloadOnReturn(reload, villageId !== null)

  const choose = (next: Span) => {
    setSpan(next)
    setShowAll(false)
  }
  const periods = periodsOf(new Date())
  const periodText = span === 'month' ? `${Number(periods.month.slice(5))} 月` : `${periods.year} 年`

  return (
    <View className={`screen ranking ${elder.rootClass}`}>
      <Loaded state={who.state} onRetry={who.reload}>
        {() => (
          <View>
            <View className="ranking__spans">
              <View className={`ranking__span ${span === 'month' ? 'ranking__span--on' : ''}`} onClick={() => choose('month')}>
                本月
              </View>
              <View className={`ranking__span ${span === 'year' ? 'ranking__span--on' : ''}`} onClick={() => choose('year')}>
                今年
              </View>
            </View>
            <Loaded
              state={state}
              onRetry={reload}
              errorView={(error, standard) =>
                error.code === 'FORBIDDEN' ? (
                  <View className="card">
                    <Text className="plain-text">{error.message}</Text>
                  </View>
                ) : (
                  standard
                )
              }
            >
              {(data) => (
                <View>
                  <Text className="ranking__caption">
                    {data.org.name} {periodText}积分排行 · 共 {data.rows.length} 户
                  </Text>
                  {data.rows
                    .filter((row) => row.mine)
                    .map((row) => (
                      <View key="mine" className="card ranking__mine">
                        <Text className="ranking__mine-text">{myRankText(data.rows)}</Text>
                        <RankRow row={row} />
                      </View>
                    ))}
                  <View className="card ranking__list">
                    {(showAll ? data.rows : elder.trim(data.rows, 50)).map((row) => (
                      <RankRow key={row.householdId} row={row} />
                    ))}
                  </View>
                  {!showAll && elder.trim(data.rows, 50).length < data.rows.length && (
                    <BigButton kind="plain" onClick={() => setShowAll(true)}>
                      显示全部 {data.rows.length} 户
                    </BigButton>
                  )}
                  <Text className="muted-text elder-hide">排行只算{periodText}评分得到的积分，姓名只显示姓。</Text>
                </View>
              )}
            </Loaded>
          </View>
        )}
      </Loaded>
    </View>
  )
}
