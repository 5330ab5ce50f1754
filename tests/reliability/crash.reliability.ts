import { isDeepStrictEqual } from 'node:util'
import type { CardToken, GoodsView, Redemption } from '../../src/core/contracts/card'
import type { NoticeView } from '../../src/core/contracts/notice'
import type { RuleSetView, SubmitResult } from '../../src/core/contracts/score'
import { startGateway } from '../e2e/support/gateway'
import { CONFLICT_CODES, Figures } from './support/figures'
import { dataOf, outcomeOf, post, type Answer } from './support/http'
import { balances, checkInvariants } from './support/invariants'
import { seededRandom } from './support/load'
import { describeOnServer } from './support/server-database'
import { startServerGateway } from './support/server-gateway'

const PHOTO = 'local://0b7f3c1e-9a55-4c55-9d0e-3a1f6a7b8c9d.jpg'
const figures = new Figures('crash (SIGKILL in the middle of a write load, restart, retries)')
const VILLAGE_SCOPE = Array.from({ length: 30 }, (_, i) => `h-zjq-${String(i + 3).padStart(2, '0')}`)
const CLIENTS = 10

type Sent = { openid: string; name: string; body: Record<string, unknown> & { requestId: string }; answer: Answer }

describeOnServer('crash.reliability.ts')('a gateway killed in the middle of a write load (PostgreSQL)', () => {
  const world = startServerGateway(figures)



  const call = <T>(openid: string, name: string, body: Record<string, unknown>) => {
    figures.requests++
    return post<T>(world.gateway.baseUrl, openid, name, body)
  }

  it('When the gateway is killed with SIGKILL while clients write and is restarted on the same database, then nothing is half-written and every unanswered request, sent again, takes effect exactly once', async () => {
    // Arrange: rule ids, six proofs waiting for a check, goods, and card tokens for the tills.
    const rules = dataOf(await call<RuleSetView>('demo-cadre', 'score', { action: 'rules', orgId: 'v-zjq' }))
    const ruleOf = (code: string) => rules.rules.find((r) => r.code === code)!
    const villagers = [
      { openid: 'demo-villager', householdId: 'h-zjq-01' },
      { openid: 'demo-villager-2', householdId: 'h-zjq-02' },
    ]
    for (const [i, v] of villagers.entries()) {
      for (let n = 0; n < 3; n++) {
        dataOf(await call('demo-cadre', 'score', { action: 'submit', requestId: `crash-clutter-${i}-${n}`, householdIds: [v.householdId], ruleId: ruleOf('env-clutter').id, photos: [PHOTO] }))
      }
      for (const notice of dataOf(await call<NoticeView[]>(v.openid, 'notice', { action: 'mine' }))) {
        dataOf(await call(v.openid, 'notice', { action: 'submitProof', requestId: `crash-proof-${notice.id}`, noticeId: notice.id, photos: [PHOTO] }))
      }
    }
    const noticeIds = (await Promise.all(villagers.map(async (v) => dataOf(await call<NoticeView[]>(v.openid, 'notice', { action: 'mine' }))))).flat().map((n) => n.id)
    const noodle = dataOf(await call<{ goods: GoodsView[] }>('demo-shop', 'card', { action: 'goods' })).goods.find((g) => g.name === '面券')!
    const tokens: { householdId: string; token: string }[] = []
    for (let n = 0; n < 30; n++) {
      const v = villagers[n % 2]
      tokens.push({ householdId: v.householdId, token: dataOf(await call<CardToken>(v.openid, 'card', { action: 'cardToken' })).token })
    }
    const before = await balances(world.database)
    // The living demo's own receipts, before the load.
    const [{ receipts: earlierReceipts }] = await world.database.rows<{ receipts: number }>(`select count(*)::int as receipts from redemptions`)
    const [{ lastEntry }] = await world.database.rows<{ lastEntry: number }>(`select coalesce(max(id), 0)::int as "lastEntry" from ledger_entries`)

    // The work the clients will do, in order: inspections, redemptions and verifications mixed.
    const random = seededRandom(7)
    const work: Omit<Sent, 'answer'>[] = []
    const redeemedHousehold = new Map<string, string>()
    for (let n = 0; n < 600; n++) {
      const r = random()
      if (r < 0.08 && tokens.length > 0) {
        const { token, householdId } = tokens.pop()!
        redeemedHousehold.set(`crash-redeem-${n}`, householdId)
        work.push({ openid: 'demo-shop', name: 'card', body: { action: 'redeem', requestId: `crash-redeem-${n}`, token, items: [{ goodsId: noodle.id, quantity: 1 }] } })
      } else if (r < 0.12 && noticeIds.length > 0) {
        const noticeId = noticeIds[n % noticeIds.length]
        work.push({ openid: n % 2 ? 'demo-cadre' : 'demo-grid-leader', name: 'notice', body: { action: 'verify', requestId: `crash-verify-${n}`, noticeId, accept: true } })
      } else {
        const householdIds = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => VILLAGE_SCOPE[Math.floor(random() * VILLAGE_SCOPE.length)]))]
        work.push({ openid: 'demo-cadre', name: 'score', body: { action: 'submit', requestId: `crash-score-${n}`, householdIds, ruleId: ruleOf(r < 0.5 ? 'waste-wrong' : 'custom-lavish').id } })
      }
    }

    // Act: ten clients work through the list; after 120 answers the gateway is killed; the clients
    // go on sending for a moment (and get no answer), then stop.
    const sent: Sent[] = []
    let next = 0
    let answeredCount = 0
    let killed = false
    let stopped = false
    let killing: Promise<void> | undefined
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (!stopped && next < work.length) {
          const item = work[next++]
          const answer = await call(item.openid, item.name, item.body)
          sent.push({ ...item, answer })
          if (answer.answered) answeredCount++
          if (!killed && answeredCount >= 120) {
            killed = true
            killing = world.gateway.kill().then(() => new Promise((resolve) => setTimeout(resolve, 300))).then(() => {
              stopped = true
            })
          }
        }
      }),
    )
    await killing
    const unanswered = sent.filter((s) => !s.answer.answered)
    figures.unanswered += unanswered.length
    figures.add('answered before the kill', sent.length - unanswered.length)
    for (const s of unanswered) figures.add(`no answer (${s.answer.answered ? '' : s.answer.reason})`)
    expect(killed).toBe(true)
    expect(unanswered.length).toBeGreaterThan(0)
    const faultsBefore = sent.filter((s) => s.answer.answered && !s.answer.envelope.ok && !CONFLICT_CODES.has(outcomeOf(s.answer)))
    expect(faultsBefore.map((s) => `${s.body.requestId}: ${outcomeOf(s.answer)}`)).toEqual([])

    // Restart on the same database and folder (same card key), then check the books before any retry.
    world.gateway = await startGateway({ databaseUrl: world.database.url, dataDir: world.dataDir, port: world.gateway.port, apiOnly: true })
    const afterRestart = await checkInvariants(world.database)
    figures.invariantChecks += afterRestart.checks
    figures.failures += afterRestart.broken.length
    expect(afterRestart.broken).toEqual([])
    // Nothing half-written: an unanswered inspection left all its households' records or none.
    const written = new Map(
      (await world.database.rows<{ request_id: string; n: number }>(`select request_id, count(*)::int as n from score_records where request_id like 'crash-score-%' group by request_id`)).map((r) => [r.request_id, r.n]),
    )
    for (const s of unanswered.filter((u) => u.name === 'score')) {
      expect([0, (s.body.householdIds as string[]).length]).toContain(written.get(s.body.requestId) ?? 0)
    }

    // The clients send their unanswered requests again, with the same requestIds; answered ones, sent
    // again, get the answer they had.
    for (const s of unanswered) {
      figures.retries++
      s.answer = await call(s.openid, s.name, s.body)
    }
    const faultsAfter = unanswered.filter((s) => !s.answer.answered || (!s.answer.envelope.ok && !CONFLICT_CODES.has(outcomeOf(s.answer))))
    figures.failures += faultsAfter.length
    expect(faultsAfter.map((s) => `${s.body.requestId}: ${outcomeOf(s.answer)}`)).toEqual([])
    const sample = sent.filter((s) => !unanswered.includes(s)).slice(0, 40)
    const changed: string[] = []
    for (const s of sample) {
      figures.retries++
      const again = await call(s.openid, s.name, s.body)
      if (!isDeepStrictEqual(again, s.answer)) changed.push(`${s.body.requestId}: ${outcomeOf(s.answer)} then ${outcomeOf(again)}`)
    }
    figures.failures += changed.length
    expect(changed).toEqual([])

    // Exactly once: every accepted inspection has one record per household, every paid redemption one
    // receipt, every notice at most one restoration; and the balances add up to the answers.
    const records = new Map(
      (await world.database.rows<{ request_id: string; n: number }>(`select request_id, count(*)::int as n from score_records where request_id like 'crash-score-%' group by request_id`)).map((r) => [r.request_id, r.n]),
    )
    const expected = new Map(before)
    for (const s of sent) {
      const ok = s.answer.answered && s.answer.envelope.ok
      if (s.name === 'score') {
        const ids = s.body.householdIds as string[]
        expect(records.get(s.body.requestId) ?? 0).toBe(ok ? ids.length : 0)
        if (ok) for (const r of dataOf(s.answer as Answer<SubmitResult>).results) expected.set(r.householdId, expected.get(r.householdId)! + dataOf(s.answer as Answer<SubmitResult>).rule.points)
      }
      if (s.name === 'card' && ok) {
        const householdId = redeemedHousehold.get(s.body.requestId)!
        expected.set(householdId, expected.get(householdId)! - dataOf(s.answer as Answer<Redemption>).pointsSpent)
      }
    }
    const restored = await world.database.rows<{ household_id: string; points: number }>(`select household_id, sum(points)::int as points from ledger_entries where kind = 'restoration' and id > $1 group by household_id`,
      [lastEntry],
    )
    for (const r of restored) expected.set(r.household_id, expected.get(r.household_id)! + r.points)
    const paid = sent.filter((s) => s.name === 'card' && s.answer.answered && s.answer.envelope.ok).length
    const [{ receipts }] = await world.database.rows<{ receipts: number }>(`select count(*)::int as receipts from redemptions`)
    expect(receipts - earlierReceipts).toBe(paid)
    const verified = sent.filter((s) => s.name === 'notice' && s.answer.answered && s.answer.envelope.ok).map((s) => s.body.noticeId)
    expect(new Set(verified).size).toBe(verified.length)
    expect(restored.reduce((n, r) => n + r.points, 0)).toBe(verified.length * 5)
    const after = await balances(world.database)
    const wrong = [...expected].filter(([id, total]) => after.get(id) !== total).map(([id, total]) => `${id}: ${after.get(id)}, expected ${total}`)
    figures.failures += wrong.length
    expect(wrong).toEqual([])

    figures.conflicts += sent.filter((s) => CONFLICT_CODES.has(outcomeOf(s.answer))).length
    figures.add('completed after the restart', unanswered.length)
    const final = await checkInvariants(world.database)
    figures.invariantChecks += final.checks
    figures.failures += final.broken.length
    expect(final.broken).toEqual([])

  }, 180_000)
})
