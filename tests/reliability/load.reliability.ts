import { isDeepStrictEqual } from 'node:util'
import type { CardToken, GoodsView, Redemption } from '../../src/core/contracts/card'
import type { NoticeView } from '../../src/core/contracts/notice'
import type { RuleSetView, SubmitResult } from '../../src/core/contracts/score'
import { Figures, CONFLICT_CODES } from './support/figures'
import { dataOf, outcomeOf, post, type Answer } from './support/http'
import { balances, checkInvariants } from './support/invariants'
import { describeOnServer } from './support/server-database'
import { startServerGateway } from './support/server-gateway'
import { seededRandom } from './support/load'

const PHOTO = 'local://0b7f3c1e-9a55-4c55-9d0e-3a1f6a7b8c9d.jpg'
const figures = new Figures('load (1,000 inspections from 20 clients; redemptions racing verifications)')

/** The households a client may score. 01 and 02 (the demo villagers' homes) are kept for the second test. */
const GRID_SCOPE = ['03', '04', '05', '06', '07', '08'].map((n) => `h-zjq-${n}`)
const VILLAGE_SCOPE = Array.from({ length: 30 }, (_, i) => `h-zjq-${String(i + 3).padStart(2, '0')}`)

/** Rules with a limit: a household gets min(attempts, limit) of them; the rest are refused with LIMIT_REACHED. */
const LIMITED = [
  { code: 'mediation', limit: 2, per: 'month' },
  { code: 'custom-simple', limit: 2, per: 'year' },
  { code: 'waste-right', limit: 4, per: 'month' },
  { code: 'env-tidy', limit: 1, per: 'month' },
  { code: 'env-courtyard', limit: 1, per: 'month' },
] as const

type Submission = { client: number; openid: string; requestId: string; code: string; householdIds: string[]; concurrentRetry: boolean }

describeOnServer('load.reliability.ts')('the real gateway under load on PostgreSQL', () => {
  const world = startServerGateway(figures)
  let ruleIds: Map<string, { id: number; points: number }>
  const call = <T>(openid: string, name: string, body: Record<string, unknown>) => {
    figures.requests++
    return post<T>(world.gateway.baseUrl, openid, name, body)
  }

  beforeAll(async () => {
    const rules = dataOf(await call<RuleSetView>('demo-cadre', 'score', { action: 'rules', orgId: 'v-zjq' }))
    ruleIds = new Map(rules.rules.map((r) => [r.code, { id: r.id, points: r.points }]))
  }, 120_000)


  it("When 20 clients send 1,000 inspections and repeat each one with the same requestId, then every repeat gets the first answer, nothing is written twice and every balance is the expected total", async () => {
    const random = seededRandom(20261107)
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]
    const some = (list: readonly string[], max: number) => {
      const chosen = new Set<string>()
      const n = 1 + Math.floor(random() * max)
      while (chosen.size < n) chosen.add(pick(list))
      return [...chosen]
    }
    const clients = Array.from({ length: 20 }, (_, client) => {
      const openid = client < 5 ? 'demo-grid-leader' : 'demo-cadre'
      const scope = client < 5 ? GRID_SCOPE : VILLAGE_SCOPE
      return Array.from({ length: 50 }, (_, n): Submission => {
        const r = random()
        const [code, householdIds] =
          r < 0.55 ? ['custom-lavish', some(scope, 5)] : r < 0.7 ? ['waste-wrong', some(scope, 3)] : [pick(LIMITED).code, [pick(scope)]]
        return { client, openid, requestId: `load-${client}-${n}`, code, householdIds, concurrentRetry: random() < 0.5 }
      })
    })

    // What the test expects, computed from the plan alone.
    const before = await balances(world.database)
    const expected = new Map(before)
    // The living demo already scored some households this month and year: those count towards the limits.
    const attempts = new Map<string, number>()
    for (const { code, per } of LIMITED) {
      const scored = await world.database.rows<{ household_id: string; n: number }>(
        `select r.household_id, count(*)::int as n from score_records r join rules ru on ru.id = r.rule_id
          where ru.code = $1 and r.status in ('pending', 'applied')
            and r.created_at >= date_trunc($2, now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai'
          group by r.household_id`,
        [code, per],
      )
      for (const { household_id, n } of scored) attempts.set(`${household_id}/${code}`, n)
    }
    for (const s of clients.flat()) {
      const rule = ruleIds.get(s.code)!
      const limit = LIMITED.find((l) => l.code === s.code)?.limit
      const key = `${s.householdIds[0]}/${s.code}`
      if (limit !== undefined) attempts.set(key, (attempts.get(key) ?? 0) + 1)
      if (limit === undefined || attempts.get(key)! <= limit) {
        for (const id of s.householdIds) expected.set(id, expected.get(id)! + rule.points)
      }
    }
    const expectedRefusals = [...attempts].reduce((sum, [key, n]) => sum + Math.max(0, n - LIMITED.find((l) => key.endsWith(`/${l.code}`))!.limit), 0)

    const firstAnswers = new Map<string, Answer<SubmitResult>>()
    const mismatches: string[] = []
    await Promise.all(
      clients.map(async (submissions) => {
        for (const s of submissions) {
          const body = { action: 'submit', requestId: s.requestId, householdIds: s.householdIds, ruleId: ruleIds.get(s.code)!.id, note: '负载测试' }
          figures.retries++
          const [first, repeat] = s.concurrentRetry
            ? await Promise.all([call<SubmitResult>(s.openid, 'score', body), call<SubmitResult>(s.openid, 'score', body)])
            : [await call<SubmitResult>(s.openid, 'score', body), await call<SubmitResult>(s.openid, 'score', body)]
          firstAnswers.set(s.requestId, first)
          if (!isDeepStrictEqual(first, repeat)) mismatches.push(`${s.requestId}: ${outcomeOf(first)} then ${outcomeOf(repeat)}`)
        }
      }),
    )

    const tally: Record<string, number> = {}
    for (const answer of firstAnswers.values()) tally[outcomeOf(answer)] = (tally[outcomeOf(answer)] ?? 0) + 1
    figures.conflicts += tally.LIMIT_REACHED ?? 0
    figures.add('inspections applied', tally.ok ?? 0)
    figures.add('refused over a limit', tally.LIMIT_REACHED ?? 0)
    const failed = Object.entries(tally).filter(([code]) => code !== 'ok' && code !== 'LIMIT_REACHED')
    figures.failures += mismatches.length + failed.reduce((n, [, count]) => n + count, 0)
    expect(mismatches).toEqual([])
    expect(tally).toEqual({ ok: 1000 - expectedRefusals, ...(expectedRefusals > 0 ? { LIMIT_REACHED: expectedRefusals } : {}) })

    // One score record (and one entry) per household of each accepted request; none for a refused one.
    const perRequest = await world.database.rows<{ request_id: string; n: number; entries: number }>(
      `select request_id, count(*)::int as n, count(distinct ledger_entry_id)::int as entries from score_records where request_id like 'load-%' group by request_id`,
    )
    const written = new Map(perRequest.map((r) => [r.request_id, r]))
    const duplicates: string[] = []
    for (const s of clients.flat()) {
      const want = firstAnswers.get(s.requestId)!.answered && (firstAnswers.get(s.requestId) as { envelope: { ok: boolean } }).envelope.ok ? s.householdIds.length : 0
      const got = written.get(s.requestId)
      if ((got?.n ?? 0) !== want || (got?.entries ?? 0) !== want) duplicates.push(`${s.requestId}: ${got?.n ?? 0} records, ${got?.entries ?? 0} entries, expected ${want}`)
    }
    figures.failures += duplicates.length
    expect(duplicates).toEqual([])
    const keys = await world.database.rows<{ n: number }>(`select count(*)::int as n from idempotency_keys where request_id like 'load-%'`)
    expect(keys[0].n).toBe(1000)

    const after = await balances(world.database)
    const wrongTotals = [...expected].filter(([id, total]) => after.get(id) !== total).map(([id, total]) => `${id}: ${after.get(id)}, expected ${total}`)
    figures.failures += wrongTotals.length
    expect(wrongTotals).toEqual([])

    const report = await checkInvariants(world.database)
    figures.invariantChecks += report.checks
    figures.failures += report.broken.length
    expect(report.broken).toEqual([])
  }, 240_000)

  it('When the shop redeems cards of two households while two scorers verify their rectifications at the same moment, then no balance goes below zero, each deduction comes back once and no stock goes below zero', async () => {
    const villagers = [
      { openid: 'demo-villager', householdId: 'h-zjq-01' },
      { openid: 'demo-villager-2', householdId: 'h-zjq-02' },
    ]
    // Four restorable deductions per household, each with its notice and the household's proof.
    for (const [i, v] of villagers.entries()) {
      for (let n = 0; n < 4; n++) {
        dataOf(await call('demo-cadre', 'score', { action: 'submit', requestId: `clutter-${i}-${n}`, householdIds: [v.householdId], ruleId: ruleIds.get('env-clutter')!.id, photos: [PHOTO] }))
      }
    }
    const noticesOf = async (openid: string) => dataOf(await call<NoticeView[]>(openid, 'notice', { action: 'mine' }))
    for (const v of villagers) {
      for (const notice of await noticesOf(v.openid)) {
        dataOf(await call(v.openid, 'notice', { action: 'submitProof', requestId: `proof-${notice.id}`, noticeId: notice.id, photos: [PHOTO], note: '已经清理干净' }))
      }
    }
    const noticeIds = (await Promise.all(villagers.map((v) => noticesOf(v.openid)))).flat().map((n) => n.id)
    expect(noticeIds).toHaveLength(8)

    const scarce = dataOf(await call<GoodsView>('demo-shop', 'card', { action: 'saveGoods', requestId: 'goods-scarce', name: '限量面券', pointsPrice: 7, onShelf: true, stockDelta: 6 }))
    const shelf = dataOf(await call<{ goods: GoodsView[] }>('demo-shop', 'card', { action: 'goods' })).goods
    const noodle = shelf.find((g) => g.name === '面券')!
    const before = await balances(world.database)
    const goodsBefore = new Map(shelf.map((g) => [g.id, g.stock]))
    // The living demo's own receipts are already in goodsBefore's stock.
    const earlierReceipts = (await world.database.rows<{ id: string }>('select id from redemptions')).map((r) => r.id)

    const redemptions: { requestId: string; householdId: string; answer: Answer<Redemption> }[] = []
    const mismatches: string[] = []
    const redeemOnce = async (v: (typeof villagers)[number], n: number) => {
      const token = dataOf(await call<CardToken>(v.openid, 'card', { action: 'cardToken' })).token
      const body = { action: 'redeem', requestId: `redeem-${v.householdId}-${n}`, token, items: [{ goodsId: n % 3 === 0 ? scarce.id : noodle.id, quantity: 1 + (n % 2) }] }
      const first = await call<Redemption>('demo-shop', 'card', body)
      figures.retries++
      const repeat = await call<Redemption>('demo-shop', 'card', body)
      if (!isDeepStrictEqual(first, repeat)) mismatches.push(`${body.requestId}: ${outcomeOf(first)} then ${outcomeOf(repeat)}`)
      redemptions.push({ requestId: body.requestId, householdId: v.householdId, answer: first })
    }
    const verifications: { noticeId: number; openid: string; answer: Answer<NoticeView> }[] = []
    const verify = async (noticeId: number, openid: string) => {
      const body = { action: 'verify', requestId: `verify-${noticeId}-${openid}`, noticeId, accept: true }
      const [first, repeat] = await Promise.all([call<NoticeView>(openid, 'notice', body), call<NoticeView>(openid, 'notice', body)])
      figures.retries++
      if (!isDeepStrictEqual(first, repeat)) mismatches.push(`${body.requestId}: ${outcomeOf(first)} then ${outcomeOf(repeat)}`)
      verifications.push({ noticeId, openid, answer: first })
    }
    // One token shown three times at once pays once (while the balance easily covers it).
    const sharedToken = dataOf(await call<CardToken>('demo-villager', 'card', { action: 'cardToken' })).token
    const sharedAnswers = await Promise.all(
      [0, 1, 2].map((k) =>
        call<Redemption>('demo-shop', 'card', { action: 'redeem', requestId: `redeem-shared-${k}`, token: sharedToken, items: [{ goodsId: noodle.id, quantity: 1 }] }),
      ),
    )
    redemptions.push(...sharedAnswers.map((answer, k) => ({ requestId: `redeem-shared-${k}`, householdId: 'h-zjq-01', answer })))

    // Then, all at once: five tills per household redeeming 30 baskets, two scorers verifying every proof.
    await Promise.all([
      ...villagers.flatMap((v) => [0, 1, 2, 3, 4].map(async (lane) => { for (let n = lane; n < 30; n += 5) await redeemOnce(v, n) })),
      ...noticeIds.flatMap((id) => [verify(id, 'demo-cadre'), verify(id, 'demo-grid-leader')]),
    ])

    expect(mismatches).toEqual([])
    expect(sharedAnswers.map(outcomeOf).sort()).toEqual(['TOKEN_USED', 'TOKEN_USED', 'ok'])
    const allAnswers = [...redemptions.map((r) => r.answer), ...verifications.map((v) => v.answer)]
    const outcomes = allAnswers.map(outcomeOf)
    figures.conflicts += outcomes.filter((o) => CONFLICT_CODES.has(o)).length
    const faults = outcomes.filter((o) => o !== 'ok' && !CONFLICT_CODES.has(o))
    figures.failures += faults.length + mismatches.length
    expect(faults).toEqual([])

    // Each notice verified once: one of the two scorers got it, the other was told it is already done.
    for (const id of noticeIds) {
      expect(verifications.filter((v) => v.noticeId === id).map((v) => outcomeOf(v.answer)).sort()).toEqual(['NOTICE_STATE', 'ok'])
    }
    const restorations = await world.database.rows<{ reverses_entry_id: number; n: number }>(
      `select e.reverses_entry_id, count(*)::int as n from ledger_entries e join notices n on n.deduction_entry_id = e.reverses_entry_id where n.id = any($1) group by e.reverses_entry_id`,
      [noticeIds],
    )
    expect(restorations.map((r) => r.n)).toEqual(noticeIds.map(() => 1))

    // Balances: what they were, plus 5 points back per notice, less what the shop took; never below zero.
    const after = await balances(world.database)
    for (const v of villagers) {
      const spent = redemptions
        .filter((r) => r.householdId === v.householdId && r.answer.answered && r.answer.envelope.ok)
        .reduce((sum, r) => sum + dataOf(r.answer).pointsSpent, 0)
      expect(after.get(v.householdId)).toBe(before.get(v.householdId)! + 4 * 5 - spent)
      expect(after.get(v.householdId)!).toBeGreaterThanOrEqual(0)
    }
    const refusedForPoints = outcomes.filter((o) => o === 'INSUFFICIENT_POINTS').length
    const refusedForStock = outcomes.filter((o) => o === 'INSUFFICIENT_STOCK').length
    figures.add('redemptions paid', redemptions.filter((r) => outcomeOf(r.answer) === 'ok').length)
    figures.add('refused for points', refusedForPoints)
    figures.add('refused for stock', refusedForStock)
    expect(refusedForPoints).toBeGreaterThan(0)

    // Stock: what the receipts took, never below zero; the scarce goods sold out at most its six.
    const stock = new Map(dataOf(await call<{ goods: GoodsView[] }>('demo-shop', 'card', { action: 'goods' })).goods.map((g) => [g.id, g.stock]))
    const sold = await world.database.rows<{ goods_id: number; n: number }>(
      `select goods_id, sum(quantity)::int as n from redemption_items where redemption_id <> all($1) group by goods_id`,
      [earlierReceipts],
    )
    for (const { goods_id, n } of sold) {
      const initial = goods_id === scarce.id ? 6 : goodsBefore.get(goods_id)!
      expect(stock.get(goods_id)).toBe(initial - n)
      expect(stock.get(goods_id)!).toBeGreaterThanOrEqual(0)
    }

    const report = await checkInvariants(world.database)
    figures.invariantChecks += report.checks
    figures.failures += report.broken.length
    expect(report.broken).toEqual([])
  }, 180_000)
})
