import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ranking } from '../../api/score'
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

/** One list of the ranking: 红榜 (the first households) or 黑榜 (the last), under its heading. */
function RankList({ title, tone, rows }: { title: string; tone: 'top' | 'bottom'; rows: readonly RankingRow[] }) {
  return (
    <View>
      <Text className={`ranking__heading ranking__heading--${tone}`}>{title}</Text>
      <View className="card ranking__list">
        {rows.map((row) => (
          <RankRow key={row.householdId} row={row} />
        ))}
      </View>
    </View>
  )
}

/**
 * 村排行 (tab): my village's households by points earned this month or this year, as a page a phone
 * can hold: my own household first with its rank, then the first ten (红榜) and the last ten (黑榜).
 */
export default function RankingPage() {
  const elder = useElderMode()
  const who = useWhoAmI()
  const [span, setSpan] = useState<Span>('month')
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

  const periods = periodsOf(new Date())
  const periodText = span === 'month' ? `${Number(periods.month.slice(5))} 月` : `${periods.year} 年`

  return (
    <View className={`screen ranking ${elder.rootClass}`}>
      <Loaded state={who.state} onRetry={who.reload}>
        {() => (
          <View>
            <View className="ranking__spans">
              <View className={`ranking__span ${span === 'month' ? 'ranking__span--on' : ''}`} onClick={() => setSpan('month')}>
                本月
              </View>
              <View className={`ranking__span ${span === 'year' ? 'ranking__span--on' : ''}`} onClick={() => setSpan('year')}>
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
                    {data.org.name} {periodText}积分排行 · 共 {data.households} 户
                  </Text>
                  {data.mine && (
                    <View className="card ranking__mine">
                      <Text className="ranking__mine-text">{myRankText(data.mine)}</Text>
                      <RankRow row={data.mine} />
                    </View>
                  )}
                  <RankList title={data.bottom.length > 0 ? `红榜 · 前 ${data.top.length} 名` : `全部 ${data.top.length} 户`} tone="top" rows={data.top} />
                  {data.bottom.length > 0 && <RankList title={`黑榜 · 后 ${data.bottom.length} 名`} tone="bottom" rows={data.bottom} />}
                  <Text className="muted-text elder-hide">排行只算{periodText}评分得到的积分，姓名只显示姓。全村名单请问村干部。</Text>
                </View>
              )}
            </Loaded>
          </View>
        )}
      </Loaded>
    </View>
  )
}
