import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { Workbook } from 'exceljs'
import type { StreetOverview, StreetRow } from '../../../src/core/contracts/street'
import { lastMonths, periodRange, periodsOf } from '../../../src/core/period'
import { STREET_COLUMNS } from '../../../src/core/street-columns'
import { cloudFunctions } from '../../functions'
import { exportStreetOverview } from './export'
import { streetOverview } from './overview'
import { localPlatform } from '../../platform/local/platform'
import { rawRows, type Database } from '../../store/database'
import { seedDemoIfEmpty } from '../../demo/seed'
import { findDrift } from '../../store/kept-totals'
import { appendLedgerEntry } from '../../store/ledger'
import { households, orgs } from '../../store/schema'
import { openTestDatabase } from '../../test-support/test-database'
import { beforeTheYearsFirstRound, DEMO_DAYS, latestRoundMonth, roundWalked } from '../../test-support/demo-days'

jest.setTimeout(180_000)
process.env.CARD_TOKEN_SECRET ??= randomBytes(32).toString('hex')

// Set for each day the demo is seeded on (describe.each below runs the days one after another).
let NOW: Date
let MONTH: string
let YEAR: string
/** The month of the latest inspection round: this month, or last month in a month's first hours, before its round. */
let ROUND_MONTH: string
let database: Database
let photoDir: string
let statements = 0

async function call(openid: string, name: string, event: Record<string, unknown>) {
  return cloudFunctions[name].invoke({ db: database.db, openid, event, platform: localPlatform })
}
/**
 * The street's view as of the day the demo was seeded (the service told the time, as the cloud
 * function cannot be): overdue notices and waiting hours are counted against that day, not the test's.
 */
async function overview(openid: string, input: { orgId?: string; period: string }): Promise<StreetOverview> {
  return streetOverview(database.db, openid, input, NOW)
}
const roundDone = () => roundWalked(NOW)
async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await database.db.execute(query)) as unknown as { rows: T[] }).rows
}
function rowOf(overview: StreetOverview, orgId: string): StreetRow {
  const row = overview.rows.find((r) => r.org.id === orgId)
  if (!row) throw new Error(`no row ${orgId}`)
  return row
}

/** Households "sitting in" an org as the scope checks see them: by village, or by community for the relocated. */
function sitting(orgId: string) {
  return sql`(h.village_id = ${orgId} or h.community_id = ${orgId})`
}

/** Points recomputed from the ledger itself (not the kept totals): given, deducted and net earned in [from, to). */
async function ledgerPoints(orgId: string, period: string) {
  const { from, to } = periodRange(period)
  const [sums] = await rows<{ given: number; deducted: number; net: number }>(sql`
    select coalesce(sum(e.points) filter (where e.kind = 'score' and e.points > 0), 0)::int as given,
           coalesce(-sum(e.points) filter (where e.kind = 'score' and e.points < 0), 0)::int as deducted,
           coalesce(sum(e.points) filter (where e.kind in ('score', 'score_reversal', 'restoration')), 0)::int as net
      from ledger_entries e join households h on h.id = e.household_id
     where ${sitting(orgId)} and e.created_at >= ${from.toISOString()} and e.created_at < ${to.toISOString()}`)
  return sums
}

describe.each(DEMO_DAYS)('街道总览 on the living demo street (当湖街道: 赵家桥村, 通界村, 东湖社区) seeded on %s', (_day, now) => {
  let month: StreetOverview

  beforeAll(async () => {
    ;[NOW, MONTH, YEAR] = [now, periodsOf(now).month, periodsOf(now).year]
    ROUND_MONTH = latestRoundMonth(NOW)
    photoDir = mkdtempSync(path.join(tmpdir(), 'street-photos-'))
    database = await openTestDatabase({ onStatement: () => void statements++ })
    await seedDemoIfEmpty(database.db, { history: true, photoDir, now })
  })
  afterAll(async () => {
    await database.close()
    rmSync(photoDir, { recursive: true, force: true })
  })

  beforeAll(async () => {
    month = await overview('demo-admin', { period: MONTH })
  })

  it('When 金伟 opens the street for this month, then each village and the community is a row with its households and bound members, as the roster has them', async () => {
    expect(month.org).toEqual({ id: 'st-danghu', name: '当湖街道', kind: 'street' })
    // Villages by pinyin (Tōngjiè before Zhàojiāqiáo), as 组织架构 lists them, then the community.
    expect(month.rows.map((r) => [r.org.name, r.households])).toEqual([
      ['通界村', 8],
      ['赵家桥村', 32],
      ['东湖社区', 4],
    ])
    for (const row of month.rows) {
      const [bound] = await rows<{ households: number; members: number }>(sql`
        select count(distinct m.household_id)::int as households, count(*)::int as members
          from household_members m join households h on h.id = m.household_id where m.unbound_at is null and ${sitting(row.org.id)}`)
      expect([row.org.name, row.boundHouseholds, row.boundMembers]).toEqual([row.org.name, bound.households, bound.members])
    }
    // 张建国's, 李秀英's and the seven story families' households in 赵家桥村.
    expect(rowOf(month, 'v-zjq').boundHouseholds).toBe(9)
  })

  it('When the points are read, then given, deducted and net equal the ledger recomputed for the month, and the categories add up to them', async () => {
    for (const row of month.rows) {
      const fromLedger = await ledgerPoints(row.org.id, MONTH)
      expect({ org: row.org.name, given: row.given, deducted: row.deducted, net: row.net }).toEqual({ org: row.org.name, ...fromLedger })
      expect(row.categories.reduce((n, c) => n + c.given, 0)).toBe(row.given)
      expect(row.categories.reduce((n, c) => n + c.deducted, 0)).toBe(row.deducted)
    }
    const zjq = rowOf(month, 'v-zjq')
    if (roundDone()) {
      expect(zjq.given).toBeGreaterThan(0)
      expect(zjq.deducted).toBeGreaterThan(0)
      expect(zjq.categories.map((c) => c.category)).toContain('人居环境')
    } else {
      // A month's first hours, before its round: nobody has been scored yet (the grid leader's scores wait for approval);
      // the month's only points are 周月娥's overturned 人居环境 deduction, given back just now.
      expect({ given: zjq.given, deducted: zjq.deducted, net: zjq.net, categories: zjq.categories }).toEqual({
        given: 0,
        deducted: 0,
        net: 5,
        categories: [{ category: '人居环境', given: 0, deducted: 0, corrected: 5, restored: 0 }],
      })
    }
  })

  it('When the year is read, then its twelve months of trends equal the ledger month by month, and the 美丽积分图 is the average per household', async () => {
    const year = await overview('demo-admin', { period: YEAR })
    // This year's view ends with this month: the twelve months up to now.
    expect(year.months).toEqual(lastMonths(NOW, 12))
    const zjq = rowOf(month, 'v-zjq')
    expect(month.months).toEqual(lastMonths(NOW, 12))
    for (const [i, m] of month.months.entries()) {
      const fromLedger = await ledgerPoints('v-zjq', m)
      expect([m, zjq.trend.given[i], zjq.trend.deducted[i]]).toEqual([m, fromLedger.given, fromLedger.deducted])
      expect([m, zjq.beauty[i]]).toEqual([m, Math.round((fromLedger.net / 32) * 10) / 10])
    }
    const fromLedger = await ledgerPoints('v-zjq', YEAR)
    expect(rowOf(year, 'v-zjq').given).toBe(fromLedger.given)
  })

  it('When rectification is read, then opened, rectified, overdue, rate and median hours are those of the notices opened in the month', async () => {
    const { from, to } = periodRange(MONTH)
    const notices = await rows<{ status: string; overdue: boolean; hours: number | null }>(sql`
      select n.status, (n.status = 'open' and n.deadline < ${NOW.toISOString()}) as overdue,
             extract(epoch from n.rectified_at - n.created_at) / 3600 as hours
        from notices n join households h on h.id = n.household_id
       where ${sitting('v-zjq')} and n.status <> 'withdrawn' and n.created_at >= ${from.toISOString()} and n.created_at < ${to.toISOString()}`)
    const rectified = notices.filter((n) => n.status === 'rectified').map((n) => Number(n.hours)).sort((a, b) => a - b)
    const zjq = rowOf(month, 'v-zjq').rectification
    expect(zjq.opened).toBe(notices.length)
    expect(zjq.rectified).toBe(rectified.length)
    expect(zjq.overdue).toBe(notices.filter((n) => n.overdue).length)
    if (notices.length > 0) expect(zjq.rate).toBeCloseTo(rectified.length / notices.length)
    else expect(zjq.rate).toBeNull()
    if (rectified.length % 2 === 1) expect(zjq.medianHoursToRectify).toBeCloseTo(rectified[(rectified.length - 1) / 2], 1)
    // Before this month's round no deduction has opened a notice yet.
    if (roundDone()) expect(zjq.opened).toBeGreaterThan(0)
    else expect(zjq.opened).toBe(0)
  })

  it('When what waits is read, then 赵家桥村 has its two claims and one appeal, with the oldest one’s age in hours', async () => {
    const zjq = rowOf(month, 'v-zjq')
    expect(zjq.claims.count).toBe(2)
    expect(zjq.appeals.count).toBe(1)
    const [oldest] = await rows<{ hours: number }>(sql`
      select extract(epoch from ${NOW.toISOString()}::timestamptz - min(a.created_at)) / 3600 as hours
        from appeals a where a.status = 'pending'`)
    expect(zjq.appeals.oldestHours).toBeGreaterThanOrEqual(Math.floor(Number(oldest.hours)) - 1)
    expect(rowOf(month, 'v-tj').appeals).toEqual({ count: 0, oldestHours: null })
  })

  it('When spending and the dividend are read, then the month’s receipts (less reversals) and each cooperative’s latest run show', async () => {
    const { from, to } = periodRange(MONTH)
    const [spent] = await rows<{ points: number }>(sql`
      select coalesce(sum(r.points_spent), 0)::int as points from redemptions r join households h on h.id = r.household_id
       where h.village_id = 'v-zjq' and r.created_at >= ${from.toISOString()} and r.created_at < ${to.toISOString()}
         and r.id not in (select redemption_id from redemption_reversals)`)
    expect(rowOf(month, 'v-zjq').spent).toBe(spent.points)
    if (beforeTheYearsFirstRound(NOW)) {
      // New year's first hours: nobody has points this year, so there is no draft to share them by yet; last year's run shows.
      const zjq = rowOf(month, 'v-zjq').dividend
      expect(zjq).toMatchObject({ year: Number(YEAR) - 1, status: 'published', totalFen: 48_000_000, incentiveFen: 9_600_000, incentiveShare: 1 / 5 })
      expect(zjq!.publishedAt).not.toBeNull()
    } else {
      expect(rowOf(month, 'v-zjq').dividend).toEqual({
        year: Number(YEAR),
        status: 'draft',
        totalFen: 56_160_000,
        incentiveFen: 9_360_000,
        incentiveShare: 1 / 6,
        publishedAt: null,
      })
    }
    const tj = rowOf(month, 'v-tj').dividend
    expect(tj).toMatchObject({ year: Number(YEAR) - 1, status: 'published', totalFen: 56_160_000, incentiveFen: 9_360_000, incentiveShare: 1 / 6 })
    expect(tj!.publishedAt).not.toBeNull()
    expect(rowOf(month, 'c-donghu').dividend).toBeNull()
  })

  it('When 连心议站 is read, then the matters raised in the month are counted per village', async () => {
    const { from, to } = periodRange(MONTH)
    const [raised] = await rows<{ n: number }>(sql`
      select count(*)::int as n from matters where village_id = 'v-zjq' and created_at >= ${from.toISOString()} and created_at < ${to.toISOString()}`)
    expect(rowOf(month, 'v-zjq').matters.raised).toBe(raised.n)
  })

  it('When 3.0 is read, then 东湖社区 scores 通界村’s four relocated shareholders and the points it gave flowed to 通界村', async () => {
    const { from, to } = periodRange(MONTH)
    const [flowed] = await rows<{ points: number }>(sql`
      select coalesce(sum(points), 0)::int as points from ledger_entries
       where scorer_org_id = 'c-donghu' and kind in ('score', 'score_reversal', 'restoration')
         and created_at >= ${from.toISOString()} and created_at < ${to.toISOString()}`)
    expect(month.flows).toEqual([
      { community: { id: 'c-donghu', name: '东湖社区', kind: 'community' }, village: { id: 'v-tj', name: '通界村', kind: 'village' }, households: 4, points: flowed.points },
    ])
    // In a month's first hours the community has not walked its round yet: nothing has flowed.
    if (roundDone()) expect(flowed.points).toBeGreaterThan(0)
    else expect(flowed.points).toBe(0)
  })

  it('When every column is looked at this month and this year (and last month before this month’s round), then each shows a real figure somewhere on the demo street', async () => {
    const year = await overview('demo-admin', { period: YEAR })
    const lastRound = ROUND_MONTH === MONTH ? month : await overview('demo-admin', { period: ROUND_MONTH })
    const empty = STREET_COLUMNS.filter((c) => [...month.rows, ...year.rows, ...lastRound.rows].every((r) => ['0', '—', '0%'].includes(c.text(r))))
    expect(empty.map((c) => c.label)).toEqual([])
  })

  it('When 金伟 drills down, then 赵家桥村 splits into its two grids and a grid into its micro-grids, adding up to the level above', async () => {
    const village = await overview('demo-admin', { orgId: 'v-zjq', period: MONTH })
    expect(village.rows.map((r) => [r.org.id, r.households])).toEqual([
      ['gr-zjq-1', 16],
      ['gr-zjq-2', 16],
    ])
    expect(village.rows.reduce((n, r) => n + r.given, 0)).toBe(rowOf(month, 'v-zjq').given)
    expect(village.rows.reduce((n, r) => n + r.rectification.opened, 0)).toBe(rowOf(month, 'v-zjq').rectification.opened)
    expect(village.flows).toEqual([])
    const grid = await overview('demo-admin', { orgId: 'gr-zjq-1', period: MONTH })
    expect(grid.rows.map((r) => [r.org.id, r.org.kind, r.households])).toEqual([
      ['mg-zjq-1-1', 'micro_grid', 8],
      ['mg-zjq-1-2', 'micro_grid', 8],
    ])
    expect(grid.rows.reduce((n, r) => n + r.net, 0)).toBe(village.rows[0].net)
    const microGrid = await call('demo-admin', 'street', { action: 'overview', orgId: 'mg-zjq-1-1', period: MONTH })
    expect(microGrid).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('When a cadre, a villager, the shop or the accountant asks, then it is FORBIDDEN; a bad period is refused in plain words', async () => {
    for (const openid of ['demo-cadre', 'demo-villager', 'demo-shop', 'demo-accountant', 'demo-community', 'demo-grid-leader']) {
      const answer = await call(openid, 'street', { action: 'overview', period: MONTH })
      expect([openid, answer]).toEqual([openid, expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) })])
      const onVillage = await call(openid, 'street', { action: 'exportOverview', orgId: 'v-zjq', period: MONTH })
      expect([openid, onVillage]).toEqual([openid, expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) })])
    }
    const bad = await call('demo-admin', 'street', { action: 'overview', period: '2026-13' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('请选择月份或年份') } })
  })

  it('When the table is exported, then the .xlsx opens with the same numbers as the screen, the categories and 3.0', async () => {
    const file = await exportStreetOverview(database.db, 'demo-admin', { period: MONTH }, NOW)
    expect(file.fileName).toMatch(/^当湖街道-总览-\d{4}-\d{2}-\d{8}-\d{6}\.xlsx$/)
    const workbook = new Workbook()
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
    const table = workbook.getWorksheet('总览')!
    expect(table.getRow(2).values).toEqual([undefined, '名称', '类别', ...STREET_COLUMNS.map((c) => c.label)])
    month.rows.forEach((row, i) => {
      expect(table.getRow(3 + i).values).toEqual([undefined, row.org.name, expect.any(String), ...STREET_COLUMNS.map((c) => c.text(row))])
    })
    const categories = workbook.getWorksheet('分类积分')!
    const zjqGiven = categories.getSheetValues().filter((r) => Array.isArray(r) && r[1] === '赵家桥村').reduce((n, r) => n + Number((r as unknown[])[3]), 0)
    expect(zjqGiven).toBe(rowOf(month, 'v-zjq').given)
    const flows = workbook.getWorksheet('村社联动')!
    expect(flows.getRow(2).values).toEqual([undefined, '东湖社区', '通界村', 4, month.flows[0].points])
  })

  it('When another village with households and points joins the street, then the view asks the database the same number of statements', async () => {
    const count = async () => {
      statements = 0
      await overview('demo-admin', { period: MONTH })
      return statements
    }
    const before = await count()
    await database.db.transaction(async (tx) => {
      await tx.insert(orgs).values({ id: 'v-new', kind: 'village', name: '新联村', parentId: 'st-danghu', path: '/st-danghu/v-new/' })
      for (const n of [1, 2, 3]) {
        await tx.insert(households).values({ id: `h-new-${n}`, villageId: 'v-new', headName: `新户${n}`, houseNo: `${n}号`, shares: 1 })
        await appendLedgerEntry(tx, { householdId: `h-new-${n}`, points: 5, kind: 'score', note: '核对', at: NOW })
      }
    })
    expect(await count()).toBe(before)
    const after = await overview('demo-admin', { period: MONTH })
    expect(rowOf(after, 'v-new')).toMatchObject({ households: 3, given: 15, net: 15, categories: [{ category: '其他', given: 15 }] })
  })

  it('When a household moves to another grid’s micro-grid and another to 东湖社区, then their points move with them and every kept total still equals the ledger', async () => {
    // Read in the latest round's month: before this month's round nobody has points this month to move.
    const earned = async (householdId: string) =>
      (await rows<{ points: number }>(sql`select points from household_period_points where household_id = ${householdId} and period = ${ROUND_MONTH}`))[0]?.points ?? 0
    const [mover, relocated] = await rows<{ id: string; headName: string; houseNo: string; shares: number; groupId: string | null; memberNames: string[] }>(sql`
      select h.id, h.head_name as "headName", h.house_no as "houseNo", h.shares, h.group_id as "groupId", h.member_names as "memberNames"
        from households h join household_period_points p on p.household_id = h.id and p.period = ${ROUND_MONTH} and p.points <> 0
       where h.micro_grid_id in (select id from orgs where parent_id = 'gr-zjq-1') and h.community_id is null order by h.id limit 2`)
    const [moverPoints, relocatedPoints] = [await earned(mover.id), await earned(relocated.id)]
    const grids = async () => Object.fromEntries((await overview('demo-admin', { orgId: 'v-zjq', period: ROUND_MONTH })).rows.map((r) => [r.org.id, r]))
    const community = async () => rowOf(await overview('demo-admin', { period: ROUND_MONTH }), 'c-donghu')
    const [gridsBefore, communityBefore] = [await grids(), await community()]

    const moved = await call('demo-cadre', 'account', { action: 'updateHousehold', requestId: `move-${mover.id}`, householdId: mover.id, headName: mover.headName, houseNo: mover.houseNo, shares: mover.shares, groupId: mover.groupId, microGridId: 'mg-zjq-2-1', memberNames: mover.memberNames })
    expect(moved.ok).toBe(true)
    const joined = await call('demo-cadre', 'org', { action: 'setCommunity', requestId: `join-${relocated.id}`, householdId: relocated.id, communityId: 'c-donghu' })
    expect(joined.ok).toBe(true)

    const gridsAfter = await grids()
    expect(gridsAfter['gr-zjq-1']).toMatchObject({ households: gridsBefore['gr-zjq-1'].households - 1, net: gridsBefore['gr-zjq-1'].net - moverPoints })
    expect(gridsAfter['gr-zjq-2']).toMatchObject({ households: gridsBefore['gr-zjq-2'].households + 1, net: gridsBefore['gr-zjq-2'].net + moverPoints })
    expect(await community()).toMatchObject({ households: communityBefore.households + 1, net: communityBefore.net + relocatedPoints })
    const drifts = (await findDrift(rawRows(database.db))).flatMap((total) => total.drifts)
    expect(drifts).toEqual([])
  })
})
