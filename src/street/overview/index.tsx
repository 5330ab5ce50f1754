import Taro, { useRouter } from '@tarojs/taro'
import { ScrollView, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { ExportButton } from '../../components/export-button'
import { exportStreetOverview, streetOverview } from '../../api/street'
import { cellTone, monthLabel } from '../../components/beauty-tone'
import { ChoiceChip } from '../../components/choice-chip'
import { Loaded } from '../../components/loaded'
import type { StreetOverview, StreetRow } from '../../core/contracts/street'
import { ORG_KIND_LABELS } from '../../core/org'
import { lastMonths, periodsOf } from '../../core/period'
import { sortStreetRows, STREET_COLUMNS } from '../../core/street-columns'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useEnvelope } from '../../hooks/use-envelope'
import { Sparkline } from '../components/sparkline'
import './index.css'

const GIVEN_COLOR = '#0b7a46'
const DEDUCTED_COLOR = '#b3140b'

/** The periods one picks from: this and last month, this and last year (Asia/Shanghai). */
function periodChoices(now: Date): { period: string; label: string }[] {
  const { month, year } = periodsOf(now)
  const lastMonth = lastMonths(now, 2)[0]
  return [
    { period: month, label: '本月' },
    { period: lastMonth, label: '上月' },
    { period: year, label: '今年' },
    { period: String(Number(year) - 1), label: '去年' },
  ]
}

/**
 * 街道总览 (router param orgId: the street, or a village or grid of it to drill into): every village
 * and community side by side for a month or a year, sortable by any column; a name opens the level
 * below (village → grids → micro-grids → the household list). Trends, the 美丽积分图, 3.0 and the .xlsx.
 */
export default function StreetOverviewPage() {
  const elder = useElderMode()
  const orgId = useRouter().params.orgId || undefined
  const choices = periodChoices(new Date())
  const [period, setPeriod] = useState(choices[0].period)
  const { state, reload } = useEnvelope(() => streetOverview(period, orgId), [period, orgId])
  const title = state.status === 'ok' ? `${state.data.org.name} 总览` : null
  useEffect(() => {
    if (title) void Taro.setNavigationBarTitle({ title })
  }, [title])
  return (
    <View className={`screen street ${elder.rootClass}`}>
      <View className="street__periods">
        {choices.map((choice) => (
          <ChoiceChip key={choice.period} on={choice.period === period} onClick={() => setPeriod(choice.period)}>
            {choice.label}
          </ChoiceChip>
        ))}
      </View>
      <Loaded state={state} onRetry={reload}>
        {(data) => <Overview overview={data} />}
      </Loaded>
    </View>
  )
}

function Overview({ overview }: { overview: StreetOverview }) {
  const [sort, setSort] = useState<{ key: string; descending: boolean }>({ key: '', descending: true })
  const rows = sort.key ? sortStreetRows(overview.rows, sort.key, sort.descending) : overview.rows
  const sortBy = (key: string) => setSort((now) => ({ key, descending: now.key === key ? !now.descending : true }))
  const below = overview.rows[0] ? ORG_KIND_LABELS[overview.rows[0].org.kind] : ''
  return (
    <View>
      <Text className="section-title">
        {overview.org.name} · {periodLabel(overview.period)}
      </Text>
      {overview.rows.length === 0 && <Text className="plain-text">下面还没有村、社区或网格。</Text>}
      {overview.rows.length > 0 && (
        <View className="street__cards">
          <Text className="muted-text">点一个{below}看它下面的情况。</Text>
          {rows.map((row) => (
            <StreetRowCard key={row.org.id} row={row} months={overview.months} />
          ))}
        </View>
      )}
      {overview.rows.length > 0 && (
        <View className="card street__table-card">
          <Text className="muted-text">点表头排序；点{below}的名字看下一级。左右滑动看全部。</Text>
          <ScrollView scrollX className="street__scroll sideways-scroller">
            <View className="street__table">
              <View className="street__tr street__tr--head">
                <Text className="street__th street__name">名称</Text>
                {STREET_COLUMNS.map((column) => (
                  <Text key={column.key} className="street__th" onClick={() => sortBy(column.key)}>
                    {column.label}
                    {sort.key === column.key ? (sort.descending ? ' ▼' : ' ▲') : ''}
                  </Text>
                ))}
              </View>
              {rows.map((row) => (
                <View key={row.org.id} className="street__tr">
                  <Text className="street__td street__name street__link" onClick={() => drillDown(row)}>
                    {row.org.name}
                  </Text>
                  {STREET_COLUMNS.map((column) => (
                    <Text key={column.key} className="street__td">
                      {column.text(row)}
                    </Text>
                  ))}
                </View>
              ))}
            </View>
          </ScrollView>
        </View>
      )}
      <ExportButton label="导出 Excel 表格" load={() => exportStreetOverview(overview.period, overview.org.id)} messageClassName="street__export-message" />
      {overview.rows.length > 0 && <Trends overview={overview} />}
      {overview.rows.length > 0 && <StreetBeautyChart overview={overview} />}
      {overview.rows.length > 0 && <Categories rows={overview.rows} />}
      {overview.flows.length > 0 && <Flows overview={overview} />}
      {overview.alliances.length > 0 && <Alliances overview={overview} />}
    </View>
  )
}

/** A village, community or grid opens its own overview; a micro-grid opens its household list. */
/** The figures a phone shows of each unit; the wide screen and the export have every column. */
const CARD_FIGURES = ['households', 'coverage', 'net', 'rate', 'overdue', 'spent'] as const

/** One village (or grid) on a phone: its key figures and the last three months' points, tap for the next level. */
function StreetRowCard({ row, months }: { row: StreetRow; months: string[] }) {
  const recent = months.slice(-3).map((month, i, all) => {
    const at = months.length - all.length + i
    return { month, given: row.trend.given[at], deducted: row.trend.deducted[at] }
  })
  return (
    <View className="card street__row-card" onClick={() => drillDown(row)}>
      <Text className="street__row-card-name">{row.org.name} ›</Text>
      <View className="street__row-card-figures">
        {CARD_FIGURES.map((key) => {
          const column = STREET_COLUMNS.find((candidate) => candidate.key === key)!
          return (
            <View key={key} className="street__row-card-figure">
              <Text className="street__row-card-label">{column.label}</Text>
              <Text className="street__row-card-value">{column.text(row)}</Text>
            </View>
          )
        })}
      </View>
      {recent.map(({ month, given, deducted }) => (
        <Text key={month} className="street__row-card-trend">
          {monthLabel(month)}：<Text className="street__given">加 {given}</Text>，<Text className="street__deducted">扣 {deducted}</Text>
        </Text>
      ))}
    </View>
  )
}

function drillDown(row: StreetRow) {
  const id = encodeURIComponent(row.org.id)
  void Taro.navigateTo({ url: row.org.kind === 'micro_grid' ? `/work/households/index?orgId=${id}` : `/street/overview/index?orgId=${id}` })
}

function periodLabel(period: string): string {
  return period.length === 4 ? `${period}年` : `${period.slice(0, 4)}年${Number(period.slice(5))}月`
}


function Trends({ overview }: { overview: StreetOverview }) {
  const first = monthLabel(overview.months[0])
  const last = monthLabel(overview.months[overview.months.length - 1])
  return (
    <View className="card">
      <Text className="section-title">近 12 个月走势</Text>
      <Text className="muted-text">
        {first}到{last}，<Text className="street__given">绿线是加分</Text>，<Text className="street__deducted">红线是扣分</Text>。
      </Text>
      {overview.rows.map((row, i) => (
        <View key={row.org.id} className="street__trend">
          <Text className="street__trend-name">{row.org.name}</Text>
          <Sparkline
            id={`street-trend-${i}`}
            series={[
              { values: row.trend.given, color: GIVEN_COLOR },
              { values: row.trend.deducted, color: DEDUCTED_COLOR },
            ]}
          />
        </View>
      ))}
    </View>
  )
}

/** 美丽积分图 of the street: each village's average points per household, month by month. */
function StreetBeautyChart({ overview }: { overview: StreetOverview }) {
  const recent = overview.months.slice(-6)
  const offset = overview.months.length - recent.length
  return (
    <View className="card">
      <Text className="section-title">美丽积分图</Text>
      <Text className="muted-text">每格是这个月户均得分（加分减扣分），近 6 个月。</Text>
      {overview.rows.map((row) => (
        <View key={row.org.id} className="street__beauty-row">
          <Text className="street__beauty-name">{row.org.name}</Text>
          <View className="street__beauty-cells">
            {recent.map((month, i) => {
              const points = row.beauty[offset + i]
              return (
                <View key={month} className={`street__beauty-cell street__beauty-cell--${cellTone(points)}`}>
                  <Text className="street__beauty-month">{monthLabel(month)}</Text>
                  <Text className="street__beauty-points">{points}</Text>
                </View>
              )
            })}
          </View>
        </View>
      ))}
    </View>
  )
}

function Categories({ rows }: { rows: readonly StreetRow[] }) {
  return (
    <View className="card">
      <Text className="section-title">按类别的加分和扣分</Text>
      {rows.map((row) => (
        <View key={row.org.id} className="street__categories">
          <Text className="street__trend-name">{row.org.name}</Text>
          {row.categories.length === 0 && <Text className="muted-text">这段时间没有评分。</Text>}
          {row.categories.map((c) => (
            <Text key={c.category} className="plain-text">
              {c.category}：加 {c.given} 分，扣 {c.deducted} 分{c.restored ? `，整改返还 ${c.restored} 分` : ''}
              {c.corrected ? `，更正 ${c.corrected} 分` : ''}
            </Text>
          ))}
        </View>
      ))}
    </View>
  )
}

/** 3.0 (村社联动): which villages' shareholders each community scores, and the points that flowed to those villages. */
function Flows({ overview }: { overview: StreetOverview }) {
  return (
    <View className="card">
      <Text className="section-title">村社联动</Text>
      <Text className="muted-text">社区给住在社区的股东户评分，积分记到股东自己村的账上。</Text>
      {overview.flows.map((flow) => (
        <Text key={`${flow.community.id}-${flow.village.id}`} className="plain-text street__flow">
          {flow.community.name} → {flow.village.name}：{flow.households} 户股东，{periodLabel(overview.period)}流入 {flow.points} 分
        </Text>
      ))}
    </View>
  )
}

/** 商家自治联盟: each alliance of the street apart from the villages: its merchants, the 红黑榜 now, its points. */
function Alliances({ overview }: { overview: StreetOverview }) {
  return (
    <View className="card">
      <Text className="section-title">商家自治联盟</Text>
      <Text className="muted-text">商家的积分单独计算，不算进各村的数字。</Text>
      {overview.alliances.map((a) => (
        <Text key={a.org.id} className="plain-text street__flow">
          {a.org.name}：{a.merchants} 家商家（{a.boundOwners} 家店主已绑定），红榜 {a.red} 家、黑榜 {a.black} 家；{periodLabel(overview.period)}加分 {a.given}、扣分 {a.deducted}
        </Text>
      ))}
    </View>
  )
}
