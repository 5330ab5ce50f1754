import { and, eq, gte, inArray, lt, sum } from 'drizzle-orm'
import fc from 'fast-check'
import { EARNED_POINT_KINDS, LEDGER_KINDS, type LedgerKind } from '../../../src/core/ledger'
import { periodRange, periodsOf } from '../../../src/core/period'
import { rankBand } from '../../../src/core/ranking'
import type { Database } from '../../store/database'
import { appendLedgerEntry } from '../../store/ledger'
import { appeals, householdMembers, households, ledgerEntries, notices, users } from '../../store/schema'
import { openDemoTestDatabase } from '../../test-support/test-database'
import { villageRanking } from '../score/ranking'
import { issueCertificate } from './certificates'

let database: Database
beforeAll(async () => {
  database = await openDemoTestDatabase()
})
afterAll(() => database.close())

const DAY = 24 * 3600 * 1000
/** The day of issue: the property's entries fall in the 800 days before it. */
const issuedAt = new Date()

/** What the ledger says a household earned in an Asia/Shanghai year, read from the entries themselves. */
async function earnedIn(householdId: string, year: string): Promise<number> {
  const { from, to } = periodRange(year)
  const [row] = await database.db
    .select({ total: sum(ledgerEntries.points) })
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.householdId, householdId),
        inArray(ledgerEntries.kind, [...EARNED_POINT_KINDS]),
        gte(ledgerEntries.createdAt, from),
        lt(ledgerEntries.createdAt, to),
      ),
    )
  return Number(row.total ?? 0)
}

const entry = fc.record({
  kind: fc.constantFrom<LedgerKind>(...LEDGER_KINDS),
  points: fc.integer({ min: -50, max: 80 }).filter((p) => p !== 0),
  daysBefore: fc.double({ min: 0.001, max: 800, noNaN: true }),
})

describe('what a certificate states', () => {
  let n = 0

  it('When a household’s ledger holds any entries before the day of issue, then the certificate’s points this year and last year, and its rank band, equal what the ledger and the village ranking say that day (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 12 }), async (entries) => {
        const householdId = `h-prop-${++n}`
        const openid = `prop-member-${n}`
        await database.db.transaction(async (tx) => {
          await tx.insert(households).values({ id: householdId, villageId: 'v-zjq', headName: '测试户', houseNo: `9组${n}号`, shares: 3 })
          await tx.insert(users).values({ openid, displayName: '测试' })
          await tx.insert(householdMembers).values({ householdId, openid })
          for (const e of entries) {
            await appendLedgerEntry(tx, { householdId, kind: e.kind, points: e.points, at: new Date(issuedAt.getTime() - e.daysBefore * DAY) })
          }
        })
        const certificate = await database.db.transaction((tx) => issueCertificate(tx, openid, { bankId: 'bk-pinghu', showName: false }, issuedAt))
        const year = periodsOf(issuedAt).year
        const lastYear = String(Number(year) - 1)
        expect(certificate.statements.thisYear).toEqual({ year, points: await earnedIn(householdId, year) })
        expect(certificate.statements.lastYear).toEqual({ year: lastYear, points: await earnedIn(householdId, lastYear) })
        const ranking = await villageRanking(database.db, 'demo-cadre', { orgId: 'v-zjq', period: year, full: true })
        const rank = ranking.all!.find((r) => r.householdId === householdId)!.rank
        expect(certificate.statements.rankBand).toBe(rankBand(rank, ranking.households))
        expect(certificate.statements).toMatchObject({ head: '测**', shares: 3, village: '赵家桥村', overdueRectifications: 0, upheldDeductions: 0 })
      }),
      { numRuns: 25 },
    )
  }, 120_000)

  it('When a notice is past its deadline and a deduction was upheld on appeal this year (another one 13 months ago), then the certificate states one of each', async () => {
    const householdId = 'h-zjq-05'
    const ago = (days: number) => new Date(issuedAt.getTime() - days * DAY)
    await database.db.transaction(async (tx) => {
      await tx.insert(users).values({ openid: 'member-h-zjq-05', displayName: '沈小弟' })
      await tx.insert(householdMembers).values({ householdId, openid: 'member-h-zjq-05' })
      const deduction = (days: number) => appendLedgerEntry(tx, { householdId, kind: 'score', points: -5, at: ago(days) })
      const [overdue, waiting, recent, old] = [await deduction(20), await deduction(2), await deduction(60), await deduction(400)]
      const notice = { householdId, villageId: 'v-zjq', channelOrgId: 'g-zjq-1', points: 5, problem: '杂物乱堆', status: 'open', openedBy: 'demo-cadre' }
      await tx.insert(notices).values([
        { ...notice, deductionEntryId: overdue.id, deadline: ago(10) },
        { ...notice, deductionEntryId: waiting.id, deadline: new Date(issuedAt.getTime() + 5 * DAY) },
      ])
      const appeal = { householdId, reason: '不是我家的', status: 'upheld', submittedBy: 'member-h-zjq-05' }
      await tx.insert(appeals).values([
        { ...appeal, entryId: recent.id, decidedAt: ago(50) },
        { ...appeal, entryId: old.id, decidedAt: ago(395) },
      ])
    })
    const certificate = await database.db.transaction((tx) => issueCertificate(tx, 'member-h-zjq-05', { bankId: 'bk-pinghu', showName: false }, issuedAt))
    expect(certificate.statements).toMatchObject({ head: '沈**', overdueRectifications: 1, upheldDeductions: 1 })
  })
})
