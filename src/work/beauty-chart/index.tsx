import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect } from 'react'
import { listHouseholds } from '../../api/account'
import { beautyChart } from '../../api/score'
import { BigButton } from '../../components/big-button'
import { Loaded } from '../../components/loaded'
import type { HouseholdList, OrgRef } from '../../core/contracts/account'
import type { BeautyChart as BeautyChartView } from '../../core/contracts/score'
import { signedPoints } from '../../core/villager-labels'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useEnvelope } from '../../hooks/use-envelope'
import { beautyRows, type BeautyRow } from './beauty-rows'
import { WithScope } from '../../components/with-scope'
import './index.css'

const MONTHS = 6

/**
 * 美丽积分图 (router param orgId): each household's points per month for the last 6 months, the
 * households that stay low first. For a village or a grid, first pick one of its micro-grids.
 */
export default function BeautyChartPage() {
  return (
    <WithScope permission="score" kinds={['village', 'community', 'grid', 'micro_grid']} question="看哪里的美丽积分图？">
      {(orgId) => <BeautyChart orgId={orgId} />}
    </WithScope>
  )
}

function BeautyChart({ orgId }: { orgId: string }) {
  const elder = useElderMode()
  const { state, reload } = useEnvelope(() => listHouseholds(orgId), [orgId])
  const microGrids = state.status === 'ok' ? microGridsOf(state.data) : []
  const showChart = state.status === 'ok' && (state.data.org.kind === 'micro_grid' || microGrids.length === 0)
  return (
    <View className={`screen ${elder.rootClass} beauty`}>
      <Loaded state={state} onRetry={reload}>
        {(data) =>
          showChart ? (
            <Chart orgId={orgId} />
          ) : (
            <View>
              <Text className="section-title">{data.org.name}：选一个微网格</Text>
              {microGrids.map(({ org, count }) => (
                <BigButton
                  key={org.id}
                  kind="plain"
                  onClick={() => void Taro.navigateTo({ url: `/work/beauty-chart/index?orgId=${encodeURIComponent(org.id)}` })}
                >
                  {org.name}（{count} 户）
                </BigButton>
              ))}
            </View>
          )
        }
      </Loaded>
    </View>
  )
}

/** The micro-grids the households of a village or grid belong to, with how many households each. */
function microGridsOf(list: HouseholdList): { org: OrgRef; count: number }[] {
  const found = new Map<string, { org: OrgRef; count: number }>()
  for (const household of list.households) {
    if (!household.microGrid) continue
    const entry = found.get(household.microGrid.id) ?? { org: household.microGrid, count: 0 }
    found.set(household.microGrid.id, { ...entry, count: entry.count + 1 })
  }
  return [...found.values()]
}

function Chart({ orgId }: { orgId: string }) {
  const { state, reload } = useEnvelope(() => beautyChart(orgId, MONTHS), [orgId])
  const orgName = state.status === 'ok' ? state.data.org.name : null
  useEffect(() => {
    if (orgName) void Taro.setNavigationBarTitle({ title: `${orgName} 美丽积分图` })
  }, [orgName])

  return (
    <Loaded state={state} onRetry={reload}>
      {(data) => <ChartView chart={data} />}
    </Loaded>
  )
}

function ChartView({ chart }: { chart: BeautyChartView }) {
  const rows = beautyRows(chart)
  const flagged = rows.filter((row) => row.needsVisit).length
  return (
    <View>
      <Text className="section-title">
        {chart.org.name} · {rows.length} 户
      </Text>
      <Text className="muted-text">
        每格是这户一个月得的分（加分减扣分）。{flagged > 0 ? `有 ${flagged} 户近 3 个月分低，排在最前。` : '近 3 个月没有分低的农户。'}
      </Text>
      <View className="beauty__legend">
        <Text className="beauty__cell beauty__cell--bad">扣分多</Text>
        <Text className="beauty__cell beauty__cell--low">扣分</Text>
        <Text className="beauty__cell beauty__cell--none">没变</Text>
        <Text className="beauty__cell beauty__cell--ok">加分</Text>
        <Text className="beauty__cell beauty__cell--good">加分多</Text>
      </View>
      {rows.length === 0 && <Text className="plain-text">这个网格还没有农户。</Text>}
      {rows.map((row) => (
        <ChartRow key={row.householdId} row={row} />
      ))}
    </View>
  )
}

function ChartRow({ row }: { row: BeautyRow }) {
  return (
    <View className={`card beauty__row ${row.needsVisit ? 'beauty__row--flagged' : ''}`}>
      <View className="beauty__head">
        <Text className="beauty__name">{row.name}</Text>
        <Text className="beauty__house">{row.houseNo}</Text>
        {row.needsVisit && <Text className="beauty__flag">需要多走访</Text>}
      </View>
      <View className="beauty__cells">
        {row.cells.map((cell) => (
          <View key={cell.month} className={`beauty__month beauty__month--${cell.tone}`}>
            <Text className="beauty__month-label">{cell.label}</Text>
            <Text className="beauty__month-points">{signedPoints(cell.points)}</Text>
          </View>
        ))}
      </View>
      <Text className="beauty__sum">
        近 3 个月 {signedPoints(row.recent)} 分 · 6 个月共 {signedPoints(row.total)} 分
      </Text>
    </View>
  )
}
