import { eq, sql } from 'drizzle-orm'
import { Workbook } from 'exceljs'
import type { DividendExport, DividendPreview, MyDividends, RunDetail, RunList, RunSummary } from '../../../src/core/contracts/dividend'
import type { Envelope } from '../../../src/core/contracts/envelope'
import { periodsOf } from '../../../src/core/period'
import { dividendFunction } from '../../functions/dividend'
import { localPlatform } from '../../platform/local/platform'
import type { Database } from '../../store/database'
import { appendLedgerEntry } from '../../store/ledger'
import { dividendLines, dividendRuns } from '../../store/schema'
import { openDemoTestDatabase } from '../../test-support/test-database'

const YEAR = Number(periodsOf(new Date()).year)
const POOL = { totalFen: 56_160_000, incentiveFen: 9_360_000 }

let database: Database
let requestCount = 0

/** Calls the cloud function the way the platform does: validation, idempotency, one transaction. */
async function call<T>(openid: string, event: Record<string, unknown>): Promise<Envelope<T>> {
  return (await dividendFunction.invoke({ db: database.db, openid, event, platform: localPlatform })) as Envelope<T>
}

async function ok<T>(openid: string, event: Record<string, unknown>): Promise<T> {
  const envelope = await call<T>(openid, event)
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`)
  return envelope.data
}

async function errorCode(openid: string, event: Record<string, unknown>): Promise<string> {
  const envelope = await call(openid, event)
  if (envelope.ok) throw new Error('expected a refusal')
  return envelope.error.code
}

const newRequestId = () => `test-dividend-${++requestCount}`
const settings = (orgId: string, extra: Record<string, unknown> = {}) => ({ orgId, year: YEAR, ...POOL, method: 'proportional', ...extra })

beforeAll(async () => {
  database = await openDemoTestDatabase()
  // Arrange the year's scores: 赵家桥村 households 01–30 earn points; 31 ends the year negative;
  // 32 has nothing this year. In 通界村, relocated household 05 is scored by 东湖社区.
  await database.db.transaction(async (tx) => {
    for (let n = 1; n <= 30; n++) {
      const householdId = `h-zjq-${String(n).padStart(2, '0')}`
      await appendLedgerEntry(tx, { householdId, points: 40 + n, kind: 'score', scorerOrgId: 'mg-zjq-1-1', note: '人居环境' })
      if (n % 3 === 0) await appendLedgerEntry(tx, { householdId, points: -5, kind: 'score', scorerOrgId: 'v-zjq', note: '垃圾分类' })
    }
    await appendLedgerEntry(tx, { householdId: 'h-zjq-31', points: -10, kind: 'score', scorerOrgId: 'v-zjq', note: '乱堆乱放' })
    await appendLedgerEntry(tx, { householdId: 'h-tj-05', points: 30, kind: 'score', scorerOrgId: 'c-donghu', note: '社区志愿服务' })
    await appendLedgerEntry(tx, { householdId: 'h-tj-05', points: 12, kind: 'score', scorerOrgId: 'mg-tj-1-1', note: '庭院整洁' })
    await appendLedgerEntry(tx, { householdId: 'h-tj-01', points: 20, kind: 'score', scorerOrgId: 'mg-tj-1-1', note: '庭院整洁' })
  })
})
afterAll(() => database.close())

const sum = (lines: { basicFen: number; incentiveFen: number; totalFen: number }[], key: 'basicFen' | 'incentiveFen' | 'totalFen') =>
  lines.reduce((total, line) => total + line[key], 0)

describe('preview', () => {
  it('When the accountant previews 56.16万元 with a 9.36万元 incentive, then the basic pool is 46.8万元 and the 32 lines add up to each pool', async () => {
    const preview = await ok<DividendPreview>('demo-accountant', { action: 'preview', ...settings('v-zjq') })
    expect(preview.basicFen).toBe(46_800_000)
    expect(preview.incentiveFen).toBe(9_360_000)
    expect(preview.lines).toHaveLength(32)
    expect(sum(preview.lines, 'basicFen')).toBe(46_800_000)
    expect(sum(preview.lines, 'incentiveFen')).toBe(9_360_000)
    expect(sum(preview.lines, 'totalFen')).toBe(56_160_000)
    expect(Object.keys(preview).sort()).toEqual(['basicFen', 'incentiveFen', 'lines'])
    expect(Object.keys(preview.lines[0]).sort()).toEqual(['basicFen', 'householdId', 'incentiveFen', 'points', 'shares', 'totalFen'])
  })

  it("When the year's points are counted, then scores count and the opening balance carried over does not", async () => {
    const preview = await ok<DividendPreview>('demo-accountant', { action: 'preview', ...settings('v-zjq') })
    const byId = Object.fromEntries(preview.lines.map((l) => [l.householdId, l]))
    expect(byId['h-zjq-01'].points).toBe(41)
    expect(byId['h-zjq-03'].points).toBe(43 - 5)
    expect(byId['h-zjq-32'].points).toBe(0)
  })

  it('When a household ends the year negative or at zero, then it gets no incentive but keeps its share dividend', async () => {
    const preview = await ok<DividendPreview>('demo-accountant', { action: 'preview', ...settings('v-zjq') })
    const byId = Object.fromEntries(preview.lines.map((l) => [l.householdId, l]))
    expect(byId['h-zjq-31']).toMatchObject({ points: -10, incentiveFen: 0 })
    expect(byId['h-zjq-31'].basicFen).toBeGreaterThan(0)
    expect(byId['h-zjq-32']).toMatchObject({ points: 0, incentiveFen: 0 })
  })

  it('When the incentive is given as the ratio 1/6, then it is 9.36万元 as with the amount', async () => {
    const preview = await ok<DividendPreview>('demo-accountant', {
      action: 'preview',
      orgId: 'v-zjq',
      year: YEAR,
      totalFen: 56_160_000,
      incentiveRatio: '1/6',
      method: { kind: 'tiered', tiers: [{ fromPoints: 1, percent: 100 }, { fromPoints: 60, percent: 150 }] },
    })
    expect(preview.incentiveFen).toBe(9_360_000)
    expect(sum(preview.lines, 'incentiveFen')).toBe(9_360_000)
  })

  it('When both an amount and a ratio are given, or tiers fall as points rise, then the input is refused', async () => {
    expect(await errorCode('demo-accountant', { action: 'preview', ...settings('v-zjq', { incentiveRatio: 0.2 }) })).toBe('INVALID_INPUT')
    const falling = { kind: 'tiered', tiers: [{ fromPoints: 1, percent: 150 }, { fromPoints: 60, percent: 100 }] }
    expect(await errorCode('demo-accountant', { action: 'preview', ...settings('v-zjq', { method: falling }) })).toBe('INVALID_INPUT')
  })

  it('When there is an incentive but no household has positive points that year, then the run is refused with a reason', async () => {
    const envelope = await call('demo-accountant', { action: 'preview', ...settings('v-zjq', { year: YEAR - 1 }) })
    expect(envelope).toMatchObject({ ok: false, error: { code: 'DIVIDEND_NOT_SHARABLE', message: expect.stringContaining('积分激励无法分配') } })
  })

  it("When a relocated 通界村 household was scored by 东湖社区, then those points count in 通界村's run and show where they came from", async () => {
    const preview = await ok<DividendPreview>('demo-cadre-other', { action: 'preview', ...settings('v-tj') })
    expect(preview.lines.find((l) => l.householdId === 'h-tj-05')?.points).toBe(42)
    expect(preview.lines.every((l) => l.householdId.startsWith('h-tj-'))).toBe(true)
    const draft = await ok<RunSummary>('demo-cadre-other', { action: 'saveDraft', requestId: newRequestId(), ...settings('v-tj') })
    const detail = await ok<RunDetail>('demo-cadre-other', { action: 'run', runId: draft.id })
    expect(detail.lines.find((l) => l.householdId === 'h-tj-05')?.pointsOrigin).toEqual(
      expect.arrayContaining([
        { orgName: '东湖社区', points: 30 },
        { orgName: '第一网格1号微网格', points: 12 },
      ]),
    )
  })
})

describe('who may run and see', () => {
  it.each([
    ['demo-cadre-other', 'a cadre of another village'],
    ['demo-villager', 'a villager'],
    ['demo-grid-leader', 'a micro-grid leader'],
    ['demo-community', 'a community scorer'],
    ['demo-shop', 'a shop clerk'],
    ['demo-admin', 'a street administrator'],
  ])('When %s (%s) tries to preview or save 赵家桥村, then it is FORBIDDEN', async (openid) => {
    expect(await errorCode(openid, { action: 'preview', ...settings('v-zjq') })).toBe('FORBIDDEN')
    expect(await errorCode(openid, { action: 'saveDraft', requestId: newRequestId(), ...settings('v-zjq') })).toBe('FORBIDDEN')
  })

  it('When an unknown openid calls, then it is NOT_REGISTERED', async () => {
    expect(await errorCode('stranger', { action: 'runs', orgId: 'v-zjq' })).toBe('NOT_REGISTERED')
  })
})

describe('draft → publish → correction', () => {
  let first: RunSummary

  it('When the accountant saves a draft, then villagers see no list yet and the draft can be retried without a second copy', async () => {
    const requestId = newRequestId()
    first = await ok<RunSummary>('demo-accountant', { action: 'saveDraft', requestId, ...settings('v-zjq') })
    expect(first).toMatchObject({ status: 'draft', householdCount: 32, basicFen: 46_800_000, incentiveFen: 9_360_000, cooperative: '赵家桥村股份经济合作社' })
    const again = await ok<RunSummary>('demo-accountant', { action: 'saveDraft', requestId, ...settings('v-zjq') })
    expect(again.id).toBe(first.id)

    const villagerView = await ok<RunList>('demo-villager', { action: 'runs', orgId: 'v-zjq' })
    expect(villagerView.runs).toEqual([])
    expect(villagerView.canRun).toBe(false)
    expect(await errorCode('demo-villager', { action: 'run', runId: first.id })).toBe('NOT_FOUND')
    expect((await ok<MyDividends>('demo-villager', { action: 'mine' })).years).toEqual([])
  })

  it('When a new draft is saved for the same year, then it replaces the old draft', async () => {
    const replaced = await ok<RunSummary>('demo-accountant', { action: 'saveDraft', requestId: newRequestId(), ...settings('v-zjq') })
    const runs = await ok<RunList>('demo-accountant', { action: 'runs', orgId: 'v-zjq' })
    expect(runs.runs.map((r) => r.id)).toEqual([replaced.id])
    first = replaced
  })

  it('When the draft is published, then the village sees the list with masked names and each household its own line in full', async () => {
    const published = await ok<RunSummary>('demo-accountant', { action: 'publish', requestId: newRequestId(), runId: first.id })
    expect(published).toMatchObject({ id: first.id, status: 'published', supersedesRunId: null })
    expect(published.publishedAt).not.toBeNull()

    const detail = await ok<RunDetail>('demo-villager', { action: 'run', runId: first.id })
    expect(detail.namesMasked).toBe(true)
    const own = detail.lines.find((l) => l.mine)!
    expect(own).toMatchObject({ householdId: 'h-zjq-01', name: '张建国', houseNo: '1组01号' })
    const neighbour = detail.lines.find((l) => l.householdId === 'h-zjq-02')!
    expect(neighbour).toMatchObject({ name: '李**', houseNo: null, mine: false })
    expect(detail.lines.filter((l) => !l.mine).every((l) => /^.\*+$/.test(l.name))).toBe(true)
    expect(sum(detail.lines, 'totalFen')).toBe(56_160_000)

    const staffView = await ok<RunDetail>('demo-cadre', { action: 'run', runId: first.id })
    expect(staffView.lines.find((l) => l.householdId === 'h-zjq-02')?.name).toBe('李秀英')
  })

  it("When a cadre of another village or a community scorer asks for 赵家桥村's list, then it is FORBIDDEN", async () => {
    expect(await errorCode('demo-cadre-other', { action: 'run', runId: first.id })).toBe('FORBIDDEN')
    expect(await errorCode('demo-community', { action: 'runs', orgId: 'v-zjq' })).toBe('FORBIDDEN')
  })

  it('When 张建国 opens 我家的分红, then his line is explained as shares × rate + points incentive = total', async () => {
    const mine = await ok<MyDividends>('demo-villager', { action: 'mine' })
    expect(mine.years).toHaveLength(1)
    const [year] = mine.years
    expect(year.run.id).toBe(first.id)
    expect(year.line.points).toBe(41)
    expect(year.explanation.basic).toMatch(/^股份分红：全村股份分红 468,000\.00 元，按全村 \d+ 股平分，每股约 [\d.]+ 元；您家 \d 股 × [\d.]+ 元 ≈ [\d,.]+ 元。$/)
    expect(year.explanation.incentive).toContain('您家全年积分 41 分')
    const yuan = (fen: number) => (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })
    expect(year.explanation.total).toBe(`合计：股份分红 ${yuan(year.line.basicFen)} 元 + 积分激励 ${yuan(year.line.incentiveFen)} 元 = ${yuan(year.line.totalFen)} 元。`)
  })

  it('When a published run is published again or changed in the database, then it is refused and stays as it was', async () => {
    expect(await errorCode('demo-accountant', { action: 'publish', requestId: newRequestId(), runId: first.id })).toBe('DIVIDEND_PUBLISHED')
    await expect(database.db.update(dividendRuns).set({ totalFen: 1 }).where(eq(dividendRuns.id, first.id))).rejects.toThrow()
    await expect(database.db.delete(dividendRuns).where(eq(dividendRuns.id, first.id))).rejects.toThrow()
    await expect(database.db.update(dividendLines).set({ totalFen: 0, basicFen: 0, incentiveFen: 0 }).where(eq(dividendLines.runId, first.id))).rejects.toThrow()
    await expect(database.db.delete(dividendLines).where(eq(dividendLines.runId, first.id))).rejects.toThrow()
    const [{ total }] = await database.db.select({ total: sql<number>`sum(${dividendLines.totalFen})::bigint` }).from(dividendLines).where(eq(dividendLines.runId, first.id))
    expect(Number(total)).toBe(56_160_000)
  })

  it('When the year is published again without a reason, then it is refused; with a reason, the new run supersedes the old and both are kept', async () => {
    const correction = await ok<RunSummary>('demo-accountant', {
      action: 'saveDraft',
      requestId: newRequestId(),
      ...settings('v-zjq', { incentiveFen: 9_000_000 }),
    })
    expect(await errorCode('demo-accountant', { action: 'publish', requestId: newRequestId(), runId: correction.id })).toBe('INVALID_INPUT')
    const corrected = await ok<RunSummary>('demo-cadre', {
      action: 'publish',
      requestId: newRequestId(),
      runId: correction.id,
      correctionNote: '积分激励总额按村民代表会议决议改为9万元',
    })
    expect(corrected).toMatchObject({ status: 'published', supersedesRunId: first.id, correctionNote: '积分激励总额按村民代表会议决议改为9万元' })

    const runs = await ok<RunList>('demo-villager', { action: 'runs', orgId: 'v-zjq' })
    expect(runs.runs.map((r) => [r.id, r.status, r.supersededByRunId])).toEqual([
      [corrected.id, 'published', null],
      [first.id, 'published', corrected.id],
    ])
    const mine = await ok<MyDividends>('demo-villager', { action: 'mine' })
    expect(mine.years.map((y) => y.run.id)).toEqual([corrected.id])
    expect(mine.years[0].run.incentiveFen).toBe(9_000_000)
  })
})

describe('export', () => {
  let run: RunSummary
  beforeAll(async () => {
    run = await ok<RunSummary>('demo-cadre-other', { action: 'saveDraft', requestId: newRequestId(), ...settings('v-tj') })
  })

  it('When the cooperative exports the run as .xlsx, then the sheet lists every household and the total row matches the pools', async () => {
    const file = await ok<DividendExport>('demo-cadre-other', { action: 'exportRun', runId: run.id, format: 'xlsx' })
    expect(file.fileName).toBe(`通界村股份经济合作社-${YEAR}年度分红-草稿-${run.id}.xlsx`)
    const workbook = new Workbook()
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
    const sheet = workbook.getWorksheet('分红明细')!
    expect(String(sheet.getCell(1, 1).value)).toContain('通界村股份经济合作社')
    expect(sheet.getRow(4).values).toEqual([undefined, '序号', '门牌', '户主', '股数', '全年积分', '股份分红（元）', '积分激励（元）', '合计（元）', '积分来源'])
    const names: string[] = []
    let totalYuan = 0
    for (let r = 5; r < 5 + run.householdCount; r++) {
      names.push(String(sheet.getCell(r, 3).value))
      totalYuan += Number(sheet.getCell(r, 8).value)
    }
    expect(names).toContain('方林根')
    expect(Math.round(totalYuan * 100)).toBe(56_160_000)
    expect(sheet.getCell(5 + run.householdCount, 1).value).toBe('合计')
    expect(sheet.getCell(5 + run.householdCount, 8).value).toBe(561_600)
    expect(workbook.getWorksheet('分配办法')).toBeDefined()
  })

  it('When the cooperative exports the run as CSV, then it is UTF-8 with a header and one row per household adding up to the pool', async () => {
    const file = await ok<DividendExport>('demo-cadre-other', { action: 'exportRun', runId: run.id, format: 'csv' })
    const text = Buffer.from(file.base64, 'base64').toString('utf8')
    expect(text.startsWith('\uFEFF序号,门牌,户主,股数,全年积分,股份分红（元）,积分激励（元）,合计（元）,积分来源\r\n')).toBe(true)
    const rows = text.trim().split('\r\n').slice(1)
    expect(rows).toHaveLength(run.householdCount)
    const totalFen = rows.reduce((s, row) => s + Math.round(Number(row.split(',')[7]) * 100), 0)
    expect(totalFen).toBe(56_160_000)
  })

  it('When a villager asks for the export, then it is FORBIDDEN', async () => {
    expect(await errorCode('demo-villager', { action: 'exportRun', runId: run.id, format: 'csv' })).toBe('FORBIDDEN')
  })
})

const onPostgres = process.env.DATABASE_URL ? describe : describe.skip

onPostgres('publishing at the same time (PostgreSQL)', () => {
  it('When the same draft is published by 5 parallel requests, then exactly one publishes it and the others are told it is already published', async () => {
    const draft = await ok<RunSummary>('demo-cadre-other', { action: 'saveDraft', requestId: newRequestId(), ...settings('v-tj', { incentiveFen: 1_000_000 }) })
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () =>
        call<RunSummary>('demo-cadre-other', { action: 'publish', requestId: newRequestId(), runId: draft.id, correctionNote: '并发测试' }),
      ),
    )
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1)
    expect(outcomes.filter((o) => !o.ok).map((o) => !o.ok && o.error.code)).toEqual(['DIVIDEND_PUBLISHED', 'DIVIDEND_PUBLISHED', 'DIVIDEND_PUBLISHED', 'DIVIDEND_PUBLISHED'])
  })

  it('When two correction drafts are saved and both published at once, then only the kept (newer) draft supersedes the published run', async () => {
    const list = await ok<RunList>('demo-cadre-other', { action: 'runs', orgId: 'v-tj' })
    const current = list.runs.find((r) => r.status === 'published' && r.supersededByRunId === null && r.year === YEAR)!
    // One draft per year: the second draft replaces the first, so only one of the two can be published.
    const a = await ok<RunSummary>('demo-cadre-other', { action: 'saveDraft', requestId: newRequestId(), ...settings('v-tj', { incentiveFen: 2_000_000 }) })
    const b = await ok<RunSummary>('demo-cadre-other', { action: 'saveDraft', requestId: newRequestId(), ...settings('v-tj', { incentiveFen: 3_000_000 }) })
    const outcomes = await Promise.all(
      [a, b].map((draft) => call<RunSummary>('demo-cadre-other', { action: 'publish', requestId: newRequestId(), runId: draft.id, correctionNote: '更正测试' })),
    )
    expect(outcomes.map((o) => o.ok)).toEqual([false, true])
    const after = await ok<RunList>('demo-cadre-other', { action: 'runs', orgId: 'v-tj' })
    expect(after.runs.filter((r) => r.supersedesRunId === current.id).map((r) => r.id)).toEqual([b.id])
  })
})
