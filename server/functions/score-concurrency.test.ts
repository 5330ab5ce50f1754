import { and, count, eq, sql } from 'drizzle-orm'
import { localPlatform } from '../platform/local/platform'
import { rawRows, type Database } from '../store/database'
import { findDrift } from '../store/kept-totals'
import { ledgerEntries } from '../store/schema'
import { openDemoTestDatabase, ruleIdsByCode } from '../test-support/test-database'
import { orgFunction } from './org'
import { scoreFunction } from './score'

// Row locks only contend on a real server: PGlite runs one transaction at a time.
const withPostgres = process.env.DATABASE_URL ? describe : describe.skip

withPostgres('parallel inspections on PostgreSQL', () => {
  let database: Database
  let ruleIds: Record<string, number>
  beforeAll(async () => {
    database = await openDemoTestDatabase()
    ruleIds = await ruleIdsByCode(database.db, 'rs-zjq')
  })
  afterAll(() => database.close())

  const submit = (openid: string, requestId: string, householdIds: string[], code: string) =>
    scoreFunction.invoke({
      db: database.db,
      openid,
      platform: localPlatform,
      event: { action: 'submit', requestId, householdIds, ruleId: ruleIds[code] },
    })

  it('When 10 scorers apply a once-a-month rule to one household at the same moment, then exactly one lands', async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => submit(i % 2 ? 'demo-cadre' : 'demo-grid-leader', `req-race-tidy-${i}`, ['h-zjq-03'], 'env-tidy')),
    )
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    expect(answers.filter((a) => !a.ok).map((a) => !a.ok && a.error.code)).toEqual(Array(9).fill('LIMIT_REACHED'))
    const [{ n }] = await database.db
      .select({ n: count() })
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.householdId, 'h-zjq-03'), eq(ledgerEntries.ruleId, ruleIds['env-tidy'])))
    expect(n).toBe(1)
  })

  it('When overlapping walks run in parallel, then none deadlocks and every balance equals its entries', async () => {
    const sets = [
      ['h-zjq-01', 'h-zjq-02', 'h-zjq-04'],
      ['h-zjq-04', 'h-zjq-02'],
      ['h-zjq-05', 'h-zjq-01'],
      ['h-zjq-02', 'h-zjq-05', 'h-zjq-06'],
    ]
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, i) => submit('demo-cadre', `req-race-walk-${i}`, sets[i % sets.length], 'custom-lavish')),
    )
    expect(answers.every((a) => a.ok)).toBe(true)
    const check = (await database.db.execute(sql`
      select h.id, h.balance, coalesce(sum(e.points), 0)::int as total
      from households h left join ledger_entries e on e.household_id = h.id group by h.id, h.balance`)) as unknown as {
      rows: { balance: number; total: number }[]
    }
    for (const row of check.rows) expect(row.balance).toBe(row.total)
  })

  it('When walks over a micro-grid and moves of its households to and from 东湖社区 run in parallel, then none deadlocks and every kept total, per household and per place, equals the ledger', async () => {
    const move = (requestId: string, householdId: string, communityId: string | null) =>
      orgFunction.invoke({ db: database.db, openid: 'demo-cadre', platform: localPlatform, event: { action: 'setCommunity', requestId, householdId, communityId } })
    const moving = ['h-zjq-01', 'h-zjq-02', 'h-zjq-04', 'h-zjq-05', 'h-zjq-06']
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        i % 3 === 2
          ? move(`req-race-move-${i}`, moving[i % 5], i % 2 ? 'c-donghu' : null)
          : submit('demo-cadre', `req-race-place-${i}`, [moving[i % 5], moving[(i + 2) % 5]], i % 2 ? 'custom-lavish' : 'waste-right'),
      ),
    )
    // A once-too-often 垃圾分类 score is refused by its monthly limit; nothing else may fail.
    expect(answers.filter((a) => !a.ok && a.error.code !== 'LIMIT_REACHED')).toEqual([])
    expect(answers.filter((a) => a.ok).length).toBeGreaterThanOrEqual(20)
    const report = await findDrift(rawRows(database.db))
    expect(report.flatMap((total) => total.drifts)).toEqual([])
  })
})
