import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import { periodsOf } from '../../../src/core/period'
import { scoreFunction } from '../../functions/score'
import { localPlatform } from '../../platform/local/platform'
import { rawRows, type Database } from '../../store/database'
import { checkLedgerInvariants } from '../../store/ledger-invariants'
import { householdMembers, householdPeriodPoints, households, ledgerEntries, messages, notices } from '../../store/schema'
import { openDemoTestDatabase, ruleIdsByCode } from '../../test-support/test-database'

// Every SQL statement sent, counted as the bench counts them (OpenOptions.onStatement).
let statements = 0
let database: Database
let ruleIds: Record<string, number>

beforeAll(async () => {
  database = await openDemoTestDatabase({ onStatement: () => statements++ })
  ruleIds = await ruleIdsByCode(database.db, 'rs-zjq')
})
afterAll(() => database.close())

/** 赵家桥村's households h-zjq-01 … h-zjq-32, from the n-th on. */
const zjq = (from: number, count: number) => Array.from({ length: count }, (_, i) => `h-zjq-${String(from + i).padStart(2, '0')}`)

async function balances(ids: string[]) {
  const rows = await database.db.select({ id: households.id, balance: households.balance }).from(households).where(inArray(households.id, ids))
  return Object.fromEntries(rows.map((r) => [r.id, r.balance]))
}

/** One inspection by 陈明华 (no approval needed): its answer and the statements it sent. */
async function inspect(householdIds: string[], requestId: string, rule = 'waste-right') {
  statements = 0
  const answer = await scoreFunction.invoke({
    db: database.db,
    openid: 'demo-cadre',
    event: { action: 'submit', requestId, householdIds, ruleId: ruleIds[rule] },
    platform: localPlatform,
  })
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`)
  return { data: answer.data as { results: { householdId: string; status: string; entryId: number; balance: number }[] }, statements }
}

describe('an inspection of many households is written in batches', () => {
  it('When 1, 10 and 20 households are scored, then the statements sent do not grow with the number of households', async () => {
    const one = await inspect(zjq(1, 1), 'batch-count-1')
    const ten = await inspect(zjq(2, 10), 'batch-count-10')
    const twenty = await inspect(zjq(12, 20), 'batch-count-20')
    // Before batching each household cost 6 more statements (71 for ten); now only a constant is left.
    expect(twenty.statements - ten.statements).toBeLessThanOrEqual(1)
    expect(ten.statements - one.statements).toBeLessThanOrEqual(1)
    expect(twenty.statements).toBeLessThan(25)
  })

  it('When a deduction that opens notices is given to 1, 10 and 20 households, then each gets its notice and each member a message, in statements that do not grow', async () => {
    // 垃圾没有分类投放 (-2) is restorable: every deduction opens a rectification notice and tells the household.
    const one = await inspect(zjq(1, 1), 'notice-count-1', 'waste-wrong')
    const ten = await inspect(zjq(2, 10), 'notice-count-10', 'waste-wrong')
    const twenty = await inspect(zjq(12, 20), 'notice-count-20', 'waste-wrong')
    expect(twenty.statements - ten.statements).toBeLessThanOrEqual(1)
    expect(ten.statements - one.statements).toBeLessThanOrEqual(1)

    const ids = zjq(1, 31)
    const entryIds = [one, ten, twenty].flatMap((walk) => walk.data.results.map((r) => r.entryId))
    const opened = await database.db.select().from(notices).where(inArray(notices.deductionEntryId, entryIds))
    expect(opened.map((n) => n.householdId).sort()).toEqual([...ids].sort())
    expect(opened.every((n) => n.status === 'open' && n.points === 2)).toBe(true)
    const members = await database.db
      .select({ openid: householdMembers.openid, householdId: householdMembers.householdId })
      .from(householdMembers)
      .where(and(inArray(householdMembers.householdId, ids), isNull(householdMembers.unboundAt)))
    expect(members.length).toBeGreaterThan(1)
    for (const member of members) {
      const notice = opened.find((n) => n.householdId === member.householdId)!
      const letters = await database.db
        .select()
        .from(messages)
        .where(and(eq(messages.openid, member.openid), eq(messages.page, `pages/notices/detail?id=${notice.id}`)))
      expect([member.openid, letters.map((l) => l.title)]).toEqual([member.openid, ['您家有一条整改通报']])
    }
  })

  it('When twenty households are scored at once, then each gets its own entry, running balance and month and year totals', async () => {
    const ids = zjq(12, 20)
    const before = await balances(ids)
    const { month, year } = periodsOf(new Date())
    const periodPoints = async () =>
      Object.fromEntries(
        (await database.db.select().from(householdPeriodPoints).where(inArray(householdPeriodPoints.householdId, ids))).map((r) => [`${r.householdId} ${r.period}`, r.points]),
      )
    const totalsBefore = await periodPoints()

    const { data } = await inspect(ids, 'batch-twenty-again')

    expect(data.results.map((r) => [r.householdId, r.status, r.balance])).toEqual(ids.map((id) => [id, 'applied', before[id] + 1]))
    const entries = await database.db.select().from(ledgerEntries).where(inArray(ledgerEntries.id, data.results.map((r) => r.entryId)))
    expect(entries.map((e) => [e.householdId, e.points, e.balanceAfter]).sort()).toEqual(ids.map((id) => [id, 1, before[id] + 1]).sort())
    const totalsAfter = await periodPoints()
    for (const id of ids) {
      expect(totalsAfter[`${id} ${month}`]).toBe((totalsBefore[`${id} ${month}`] ?? 0) + 1)
      expect(totalsAfter[`${id} ${year}`]).toBe((totalsBefore[`${id} ${year}`] ?? 0) + 1)
    }
    expect((await checkLedgerInvariants(rawRows(database.db))).broken).toEqual([])
  })

  it('When one household of a batch is over the rule’s monthly limit, then nothing of the batch is written', async () => {
    // h-zjq-01 was scored once above; three more reach 垃圾分类投放正确's limit of 4 a month.
    for (const n of [1, 2, 3]) await inspect(['h-zjq-01'], `batch-limit-fill-${n}`)
    const ids = ['h-zjq-02', 'h-zjq-01', 'h-zjq-03']
    const before = await balances(ids)
    const [{ n: entriesBefore }] = await database.db.select({ n: sql<number>`count(*)::int` }).from(ledgerEntries)

    const answer = await scoreFunction.invoke({
      db: database.db,
      openid: 'demo-cadre',
      event: { action: 'submit', requestId: 'batch-limit-over', householdIds: ids, ruleId: ruleIds['waste-right'] },
      platform: localPlatform,
    })

    expect(answer.ok ? 'ok' : answer.error.code).toBe('LIMIT_REACHED')
    expect(await balances(ids)).toEqual(before)
    const [{ n: entriesAfter }] = await database.db.select({ n: sql<number>`count(*)::int` }).from(ledgerEntries)
    expect(entriesAfter).toBe(entriesBefore)
  })
})
