import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect } from 'react'
import { beautyChart } from '../../api/staff-scoring'
import { BigButton } from '../../components/big-button'
import { Loaded } from '../../components/loaded'
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
 * households that stay low first. For a village or a grid, first pick one of its micro-grids (the
 * server answers them, with their households, instead of the households).
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
  const { state, reload } = useEnvelope(() => beautyChart(orgId, MONTHS), [orgId])
  const orgName = state.status === 'ok' ? state.data.org.name : null
  useEffect(() => {
    if (orgName) void Taro.setNavigationBarTitle({ title: `${orgName} 美丽积分图` })
  }, [orgName])
  return (
    <View className={`screen ${elder.rootClass} beauty`}>
      <Loaded state={state} onRetry={reload}>
        {(data) => (data.microGrids.length > 0 ? <MicroGridChoice chart={data} /> : <ChartView chart={data} />)}
      </Loaded>
    </View>
  )
}

/** A village's or grid's micro-grids (from the totals kept per unit), each opening its own chart. */
function MicroGridChoice({ chart }: { chart: BeautyChartView }) {
  return (
    <View>
      <Text className="section-title">{chart.org.name}：选一个微网格</Text>
      {chart.microGrids.map(({ org, households }) => (
        <BigButton
          key={org.id}
          kind="plain"
          onClick={() => void Taro.navigateTo({ url: `/work/beauty-chart/index?orgId=${encodeURIComponent(org.id)}` })}
        >
          {org.name}（{households} 户）
        </BigButton>
      ))}
    </View>
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
