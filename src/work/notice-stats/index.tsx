import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { noticeChannels } from '../../api/notice'
import { noticeStats } from '../../api/notice-work'
import { BigButton } from '../../components/big-button'
import { Loaded } from '../../components/loaded'
import { TermExplainer } from '../../components/term-explainer'
import type { Envelope } from '../../core/contracts/envelope'
import type { NoticeStats } from '../../core/contracts/notice'
import { periodsOf } from '../../core/period'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useEnvelope } from '../../hooks/use-envelope'
import { WithScope } from '../../components/with-scope'
import './index.css'

type Period = 'month' | 'year'

/** The village's numbers and each villager group's, for one period. */
async function loadStats(orgId: string, period: string): Promise<Envelope<{ village: NoticeStats; groups: NoticeStats[] }>> {
  const [village, channels] = await Promise.all([noticeStats(orgId, period), noticeChannels(orgId)])
  if (!village.ok) return village
  if (!channels.ok) return channels
  const groups = await Promise.all(channels.data.map((c) => noticeStats(c.id, period)))
  const failed = groups.find((g) => !g.ok)
  if (failed && !failed.ok) return failed
  return { ok: true, data: { village: village.data, groups: groups.flatMap((g) => (g.ok ? [g.data] : [])) } }
}

/** 整改统计 (router param orgId, a village): opened, rectified, overdue, rate and median time, 本月 or 今年. */
export default function NoticeStatsPage() {
  return (
    <WithScope permission="viewHouseholds" kinds={['street', 'village', 'community', 'grid', 'micro_grid']} question="看哪里的整改统计？">
      {(orgId) => <VillageNoticeStats orgId={orgId} />}
    </WithScope>
  )
}

function VillageNoticeStats({ orgId }: { orgId: string }) {
  const elder = useElderMode()
  const [period, setPeriod] = useState<Period>('month')
  const periods = periodsOf(new Date())
  const { state, reload } = useEnvelope(() => loadStats(orgId, periods[period]), [orgId, period])
  return (
    <View className={`screen ${elder.rootClass} notice-stats`}>
      <View className="notice-stats__tabs">
        {(['month', 'year'] as const).map((p) => (
          <View key={p} className="notice-stats__tab">
            <BigButton kind={p === period ? 'current' : 'plain'} onClick={() => setPeriod(p)}>
              {p === 'month' ? `本月（${periods.month}）` : `今年（${periods.year}）`}
            </BigButton>
          </View>
        ))}
      </View>
      <Loaded state={state} onRetry={reload}>
        {(data) => (
          <View>
            <StatsCard stats={data.village} main />
            <Text className="section-title">各组</Text>
            {data.groups.length === 0 && <Text className="plain-text">这个村没有分组。</Text>}
            {data.groups.map((stats) => (
              <StatsCard key={stats.org.id} stats={stats} />
            ))}
          </View>
        )}
      </Loaded>
    </View>
  )
}

function rateText(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`
}

function StatsCard({ stats, main = false }: { stats: NoticeStats; main?: boolean }) {
  return (
    <View className={`card notice-stats__card ${main ? 'notice-stats__card--main' : ''}`}>
      <Text className="notice-stats__name">{stats.org.name}</Text>
      {stats.opened === 0 ? (
        <Text className="plain-text">这段时间没有整改通报。</Text>
      ) : (
        <View className="notice-stats__grid">
          <Figure label="通报" value={`${stats.opened} 户次`} />
          <Figure label="已整改" value={`${stats.rectified}`} />
          <Figure label="逾期" value={`${stats.overdue}`} alarm={stats.overdue > 0} />
          <Figure label="整改率" value={rateText(stats.rectificationRate)} />
          <Figure label="用时中位数" value={stats.medianHoursToRectify === null ? '—' : `${stats.medianHoursToRectify} 小时`} />
        </View>
      )}
      {stats.opened > 0 && main && (
        <>
          <TermExplainer term="户次" />
          <TermExplainer term="中位数" />
        </>
      )}
    </View>
  )
}

function Figure({ label, value, alarm = false }: { label: string; value: string; alarm?: boolean }) {
  return (
    <View className="notice-stats__figure">
      <Text className="notice-stats__label">{label}</Text>
      <Text className={`notice-stats__value ${alarm ? 'notice-stats__value--alarm' : ''}`}>{value}</Text>
    </View>
  )
}
