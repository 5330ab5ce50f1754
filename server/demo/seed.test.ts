import { randomBytes } from 'node:crypto'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import type { DailySummary } from '../../src/core/contracts/card'
import type { RunList } from '../../src/core/contracts/dividend'
import type { BulletinView, ChannelSummary, NoticeOutputs, NoticeView } from '../../src/core/contracts/notice'
import type { PendingWork, Ranking } from '../../src/core/contracts/score'
import { lastMonths, localDay, periodsOf, shiftDay } from '../../src/core/period'
import { isQuietHour } from '../../src/core/reminders'
import { VILLAGE_RULE_CATEGORIES } from '../../src/core/rules'
import { noticeDueText } from '../../src/core/villager-labels'
import { cloudFunctions } from '../functions'
import { localPlatform } from '../platform/local/platform'
import { whatWaits } from '../services/account/waiting'
import { listChannels } from '../services/notice/notices'
import { beforeTheYearsFirstRound, DEMO_DAYS, latestRoundMonth, roundWalked } from '../test-support/demo-days'
import type { Database } from '../store/database'
import { seedDemoIfEmpty } from './seed'
import { checkLedgerInvariants } from '../store/ledger-invariants'
import { openTestDatabase } from '../test-support/test-database'

jest.setTimeout(120_000)
// The story's redemptions sign card tokens: a test key, not one written into .data/.
process.env.CARD_TOKEN_SECRET ??= randomBytes(32).toString('hex')

// Set for each day the demo is seeded on (describe.each below runs the days one after another).
let NOW: Date
let database: Database
let photoDir: string

async function ask<T>(openid: string, name: string, event: Record<string, unknown>): Promise<T> {
  const answer = await cloudFunctions[name].invoke({ db: database.db, openid, event, platform: localPlatform })
  if (!answer.ok) throw new Error(`${name}.${String(event.action)} as ${openid}: ${answer.error.code} ${answer.error.message}`)
  return answer.data as T
}
async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await database.db.execute(query)) as unknown as { rows: T[] }
  return result.rows
}

describe.each(DEMO_DAYS)('the living demo, seeded relative to the day it is made: %s', (_day, now) => {
  beforeAll(async () => {
    NOW = now
    photoDir = mkdtempSync(path.join(tmpdir(), 'demo-seed-photos-'))
    database = await openTestDatabase()
    await seedDemoIfEmpty(database.db, { history: true, photoDir, now })
  })
  afterAll(async () => {
    await database.close()
    rmSync(photoDir, { recursive: true, force: true })
  })

  it('When the demo is seeded, then the ledger keeps every promise: balances are the sum of entries, running balances and kept month/year totals recompute', async () => {
    const report = await checkLedgerInvariants(async (query) => rows(sql.raw(query)))
    expect(report.broken).toEqual([])
    expect(report.checks).toBeGreaterThanOrEqual(10)
  })

  it('When the demo is seeded for a moment, then nothing in its story is dated after that moment (its last decisions are made just then)', async () => {
    const at = NOW.toISOString()
    const late = await rows<{ what: string; n: number }>(sql`
      select 'ledger entries' as what, count(*)::int as n from ledger_entries where created_at > ${at}
      union all select 'notices', count(*)::int from notices where created_at > ${at}
      union all select 'appeals', count(*)::int from appeals where created_at > ${at} or decided_at > ${at}
      union all select 'redemptions', count(*)::int from redemptions where created_at > ${at}
      union all select 'dividend runs', count(*)::int from dividend_runs where created_at > ${at} or published_at > ${at}`)
    expect(late.filter((row) => row.n > 0)).toEqual([])
    const [decided] = await rows<{ n: number }>(sql`select count(*)::int as n from appeals where decided_at = ${at}`)
    expect(decided.n).toBe(1)
  })

  it('When the demo is seeded twice, then the second time changes nothing', async () => {
    const [before] = await rows<{ n: number }>(sql`select count(*)::int as n from ledger_entries`)
    expect(await seedDemoIfEmpty(database.db, { history: true, photoDir })).toBe(false)
    expect(await rows(sql`select count(*)::int as n from ledger_entries`)).toEqual([before])
  })

  it('When 陈明华 looks at 赵家桥村, then households were inspected in this month (once its round is walked) and each of the twelve before it, across every rule category', async () => {
    // In a month's first hours its round is still to come: the twelve months before it only.
    const months = roundWalked(NOW) ? lastMonths(NOW, 13) : lastMonths(NOW, 13).slice(0, 12)
    const scored = await rows<{ month: string; categories: string[] }>(sql`
      select to_char(e.created_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, array_agg(distinct r.category) as categories
        from ledger_entries e join rules r on r.id = e.rule_id join households h on h.id = e.household_id
       where e.kind = 'score' and h.village_id = 'v-zjq' group by 1 order by 1`)
    expect(scored.map((m) => m.month)).toEqual(months)
    expect(new Set(scored.flatMap((m) => m.categories))).toEqual(new Set(VILLAGE_RULE_CATEGORIES))

    const month = await ask<Ranking>('demo-cadre', 'score', { action: 'ranking', orgId: 'v-zjq', period: latestRoundMonth(NOW), full: true })
    expect(month.all!.filter((row) => row.points > 0).length).toBeGreaterThanOrEqual(20)
    expect(new Set(month.all!.map((row) => row.rank)).size).toBeGreaterThan(2)
    if (!roundWalked(NOW)) {
      const thisMonth = await ask<Ranking>('demo-cadre', 'score', { action: 'ranking', orgId: 'v-zjq', period: periodsOf(NOW).month, full: true })
      // Before this month's round the only points of the month are 周月娥's overturned deduction, given back just now.
      expect(thisMonth.all!.filter((row) => row.points !== 0).map((row) => [row.householdId, row.points])).toEqual([['h-zjq-12', 5]])
    }
  })

  it('When 张建国 opens 整改通报, then several groups’ channels hold notices 待整改, 逾期 and 已整改, and last week’s 通报 is there', async () => {
    // Open and overdue as of the day the demo was seeded (the service told the time, as the cloud function cannot be).
    const channels: ChannelSummary[] = await listChannels(database.db, 'demo-villager', {}, NOW)
    const busy = channels.filter((c) => c.open + c.overdue + c.rectified > 0)
    expect(busy.length).toBeGreaterThanOrEqual(3)
    expect(channels.reduce((n, c) => n + c.open, 0)).toBeGreaterThanOrEqual(2)
    expect(channels.reduce((n, c) => n + c.overdue, 0)).toBeGreaterThanOrEqual(2)
    expect(channels.reduce((n, c) => n + c.rectified, 0)).toBeGreaterThanOrEqual(1)

    const states = await rows<{ status: string }>(sql`select distinct status from notices`)
    expect(states.map((s) => s.status).sort()).toEqual(['open', 'proof_submitted', 'rectified', 'withdrawn'])

    const [bulletin] = await rows<{ id: number; days: number }>(sql`
      select id, extract(day from ${NOW.toISOString()}::timestamptz - created_at)::int as days from bulletins`)
    expect(bulletin.days).toBe(7)
    const posted = await ask<BulletinView>('demo-villager', 'notice', { action: 'bulletin', bulletinId: Number(bulletin.id) })
    expect(posted.notices.length).toBe(2)
    expect(posted.notices.map((n: NoticeView) => n.householdLabel)).toContain('1组 沈**')
  })

  it('When 陈明华 opens 待我审核, then claims and an appeal wait; 沈国强 finds his grid leader’s scores waiting for approval', async () => {
    const zjq = await ask<PendingWork>('demo-cadre', 'score', { action: 'pending', orgId: 'v-zjq' })
    expect(zjq.records.filter((r) => r.source === 'claim').length).toBe(2)
    expect(zjq.appeals.length).toBe(1)
    const tj = await ask<PendingWork>('demo-cadre-other', 'score', { action: 'pending', orgId: 'v-tj' })
    expect(tj.records.map((r) => [r.source, r.submittedBy])).toEqual([
      ['inspection', '俞建华'],
      ['inspection', '俞建华'],
    ])
  })

  it('When 陈明华 opens 我的消息 on the demo’s first day, then the clock has already sent his digest (今天要做的), once, not after the demo’s moment nor in the quiet hours', async () => {
    const { messages } = await ask<NoticeOutputs['messages']>('demo-cadre', 'notice', { action: 'messages' })
    const digests = messages.filter((m) => m.title === '今天要做的')
    expect(digests).toHaveLength(1)
    expect(digests[0].body).toContain('待我审核')
    const sentAt = new Date(digests[0].createdAt)
    expect(sentAt.getTime()).toBeLessThanOrEqual(NOW.getTime())
    expect(isQuietHour(sentAt)).toBe(false)
  })

  it('When 李秀英 opens 首页 on the demo’s first day, then her answered matter and her 积分证明 (expiring in 2 days) lead it, and the clock has told her of the certificate', async () => {
    const waits = await whatWaits(database.db, 'demo-villager-2', NOW)
    expect(waits.answers).toEqual([expect.objectContaining({ text: '1组垃圾分类亭的门坏了关不上', outcome: '门已换新，请大家轻开轻关', raisedByUs: true })])
    expect(waits.certificates).toEqual([{ bankName: '平湖农商银行', expiresAt: expect.any(String) }])
    expect(noticeDueText(waits.certificates[0].expiresAt, NOW)).toBe('还有 2 天到期')
    const { messages } = await ask<NoticeOutputs['messages']>('demo-villager-2', 'notice', { action: 'messages' })
    expect(messages.filter((m) => m.title === '积分证明快到期了')).toHaveLength(1)
  })

  it('When 钱小红 opens 兑换汇总, then there were redemptions today and on earlier days', async () => {
    const today = await ask<DailySummary>('demo-shop', 'card', { action: 'dailySummary', day: localDay(NOW) })
    expect(today.redemptionCount).toBe(2)
    let earlier = 0
    for (let back = 1; back <= 10; back++) {
      earlier += (await ask<DailySummary>('demo-shop', 'card', { action: 'dailySummary', day: shiftDay(localDay(NOW), -back) })).redemptionCount
    }
    expect(earlier).toBe(3)
  })

  it('When 徐美芳 and 沈国强 open 年度分红, then last year’s dividend is published (公示) in both villages and this year’s is a draft in 赵家桥村 (once the year has points)', async () => {
    const year = Number(periodsOf(NOW).year)
    const zjq = await ask<RunList>('demo-accountant', 'dividend', { action: 'runs', orgId: 'v-zjq' })
    // New year's first hours: nobody has points for the year yet, so there is nothing to draft a share of.
    const drafts = beforeTheYearsFirstRound(NOW) ? [] : [[year, 'draft']]
    expect(zjq.runs.map((r) => [r.year, r.status])).toEqual([...drafts, [year - 1, 'published']])
    const tj = await ask<RunList>('demo-cadre-other', 'dividend', { action: 'runs', orgId: 'v-tj' })
    expect(tj.runs.map((r) => [r.year, r.status])).toEqual([[year - 1, 'published']])
    expect(tj.runs[0]).toMatchObject({ status: 'published', totalFen: 56_160_000, incentiveFen: 9_360_000 })
  })

  it('When the demo is seeded with a photo folder, then its evidence photos are there to be shown', () => {
    expect(readdirSync(photoDir).filter((name) => name.endsWith('.jpg'))).toHaveLength(4)
  })
})
