import { and, eq } from 'drizzle-orm'
import fc from 'fast-check'
import type { BeautyChart, Ranking, RankingRow } from '../../../src/core/contracts/score'
import { lastMonths, periodsOf } from '../../../src/core/period'
import { RANKING_PAGE } from '../../../src/core/ranking'
import { scoreFunction } from '../../functions/score'
import { localPlatform } from '../../platform/local/platform'
import type { Database } from '../../store/database'
import { appendLedgerEntries } from '../../store/ledger'
import { householdPeriodPoints, households, orgs } from '../../store/schema'
import { openDemoTestDatabase } from '../../test-support/test-database'

jest.setTimeout(180_000)

let database: Database
beforeAll(async () => {
  database = await openDemoTestDatabase()
})
afterAll(() => database.close())

function call(openid: string, event: Record<string, unknown>) {
  return scoreFunction.invoke({ db: database.db, openid, event, platform: localPlatform })
}
async function ok<T>(openid: string, event: Record<string, unknown>): Promise<T> {
  const answer = await call(openid, event)
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`)
  return answer.data as T
}

/** The ranking as the page ranked it before it answered a page: every household, most points first, ties by house number. */
function expectedRanking(list: readonly { id: string; houseNo: string; points: number }[]) {
  const sorted = [...list].sort((a, b) => b.points - a.points || (a.houseNo < b.houseNo ? -1 : a.houseNo > b.houseNo ? 1 : 0))
  return sorted.map((h, i) => ({ householdId: h.id, points: h.points, rank: sorted.findIndex((o) => o.points === h.points) + 1, position: i + 1 }))
}
const ranks = (rows: readonly RankingRow[]) => rows.map((r) => [r.householdId, r.rank, r.points])

describe('a village ranking a phone can hold', () => {
  const month = periodsOf(new Date()).month

  it('When a villager opens it, then he gets the first and last ten (names masked) and his own row with its rank, not the 32 households', async () => {
    await database.db.transaction((tx) =>
      appendLedgerEntries(tx, [
        { householdId: 'h-zjq-07', points: 8, kind: 'score', note: '测试' },
        { householdId: 'h-zjq-08', points: 8, kind: 'score', note: '测试' },
        { householdId: 'h-zjq-09', points: -3, kind: 'score', note: '测试' },
      ]),
    )
    const page = await ok<Ranking>('demo-villager', { action: 'ranking', orgId: 'v-zjq', period: month })
    const full = await ok<Ranking>('demo-cadre', { action: 'ranking', orgId: 'v-zjq', period: month, full: true })

    expect(page.households).toBe(32)
    expect(page.all).toBeNull()
    expect(page.top).toHaveLength(RANKING_PAGE)
    expect(page.bottom).toHaveLength(RANKING_PAGE)
    expect(ranks(page.top)).toEqual(ranks(full.all!.slice(0, RANKING_PAGE)))
    expect(ranks(page.bottom)).toEqual(ranks(full.all!.slice(32 - RANKING_PAGE)))
    expect([...page.top, ...page.bottom].every((r) => /^.\*+$/.test(r.maskedName))).toBe(true)
    // Ties share a rank (8, 8 → 1, 1, then 3).
    expect(ranks(page.top.slice(0, 2)).map(([, rank, points]) => [rank, points])).toEqual([
      [1, 8],
      [1, 8],
    ])
    expect(page.mine).toEqual({ ...full.all!.find((r) => r.householdId === 'h-zjq-01')!, mine: true })
    expect(JSON.stringify(page).length).toBeLessThan(JSON.stringify(full).length)
  })

  it('When staff ask for every household, then they get all of them in rank order; a villager asking for all is refused', async () => {
    const full = await ok<Ranking>('demo-cadre', { action: 'ranking', orgId: 'v-zjq', period: month, full: true })
    const kept = await database.db
      .select({ id: households.id, houseNo: households.houseNo, points: householdPeriodPoints.points })
      .from(households)
      .leftJoin(householdPeriodPoints, and(eq(householdPeriodPoints.householdId, households.id), eq(householdPeriodPoints.period, month)))
      .where(eq(households.villageId, 'v-zjq'))
    const expected = expectedRanking(kept.map((h) => ({ ...h, points: h.points ?? 0 })))
    expect(ranks(full.all!)).toEqual(expected.map((e) => [e.householdId, e.rank, e.points]))
    expect(full.mine).toBeNull()

    expect(await call('demo-villager', { action: 'ranking', orgId: 'v-zjq', period: month, full: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('When a villager asks for another village’s ranking, or asks with bad input, then it is refused', async () => {
    expect(await call('demo-villager', { action: 'ranking', orgId: 'v-tj', period: month })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await call('demo-cadre', { action: 'ranking', orgId: 'v-tj', period: month, full: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await call('demo-villager', { action: 'ranking', orgId: 'v-zjq', period: month, full: 'yes' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await call('demo-villager', { action: 'ranking', orgId: 'v-zjq', period: '2026-13' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('When a village of any size has any points, then the page is the full ranking’s first and last positions, ties ranked as before', async () => {
    let village = 0
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: -6, max: 6 }), { minLength: 1, maxLength: 30 }), async (points) => {
        const id = `v-rank-${++village}`
        const list = points.map((p, i) => ({ id: `${id}-h${i}`, houseNo: `${String((i * 7) % points.length).padStart(2, '0')}-${i}`, points: p }))
        await database.db.transaction(async (tx) => {
          await tx.insert(orgs).values({ id, kind: 'village', name: `排行村${village}`, parentId: 'st-danghu', path: `/st-danghu/${id}/` })
          await tx.insert(households).values(list.map((h) => ({ id: h.id, villageId: id, headName: `户主${h.id}`, houseNo: h.houseNo, shares: 1 })))
          const scored = list.filter((h) => h.points !== 0)
          await appendLedgerEntries(tx, scored.map((h) => ({ householdId: h.id, points: h.points, kind: 'score' as const, note: '测试' })))
        })
        const expected = expectedRanking(list)
        const full = await ok<Ranking>('demo-admin', { action: 'ranking', orgId: id, period: month, full: true })
        expect(ranks(full.all!)).toEqual(expected.map((e) => [e.householdId, e.rank, e.points]))
        const page = await ok<Ranking>('demo-admin', { action: 'ranking', orgId: id, period: month })
        expect(page.households).toBe(list.length)
        expect(ranks(page.top)).toEqual(ranks(full.all!.slice(0, RANKING_PAGE)))
        expect(ranks(page.bottom)).toEqual(ranks(full.all!.slice(Math.max(RANKING_PAGE, list.length - RANKING_PAGE))))
        expect(page.mine).toBeNull()
      }),
      { numRuns: 12 },
    )
  })
})

describe('美丽积分图', () => {
  it('When a village with micro-grids is charted, then each micro-grid is a row whose months are the sums of its households’ rows', async () => {
    const village = await ok<BeautyChart>('demo-cadre', { action: 'beautyChart', orgId: 'v-zjq', months: 12 })
    expect(village.months).toEqual(lastMonths(new Date(), 12))
    expect(village.households).toEqual([])
    expect(village.microGrids.map((m) => [m.org.id, m.households]).sort()).toEqual([
      ['mg-zjq-1-1', 8],
      ['mg-zjq-1-2', 8],
      ['mg-zjq-2-1', 8],
      ['mg-zjq-2-2', 8],
    ])
    for (const row of village.microGrids) {
      const grid = await ok<BeautyChart>('demo-cadre', { action: 'beautyChart', orgId: row.org.id, months: 12 })
      expect(grid.microGrids).toEqual([])
      expect(grid.households).toHaveLength(row.households)
      expect(row.monthly).toEqual(village.months.map((_, i) => grid.households.reduce((sum, h) => sum + h.monthly[i], 0)))
    }
  })
})
