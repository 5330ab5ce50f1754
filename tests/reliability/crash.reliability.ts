import { isDeepStrictEqual } from 'node:util'
import type { CardToken, GoodsView, Redemption } from '../../src/core/contracts/card'
import type { NoticeView } from '../../src/core/contracts/notice'
import type { RuleSetView, SubmitResult } from '../../src/core/contracts/score'
import { CONFLICT_CODES, Figures } from './support/figures'
import { gatewayWorld, type Engine } from './support/gateway-world'
import { dataOf, outcomeOf, post, type Answer } from './support/http'
import { balances, checkInvariants } from './support/invariants'
import { seededRandom } from './support/load'
import { serverUrl, type Rows } from './support/server-database'

const PHOTO = 'local://0b7f3c1e-9a55-4c55-9d0e-3a1f6a7b8c9d.jpg'
const VILLAGE_SCOPE = Array.from({ length: 30 }, (_, i) => `h-zjq-${String(i + 3).padStart(2, '0')}`)
const CLIENTS = 10

type Sent = { openid: string; name: string; body: Record<string, unknown> & { requestId: string }; answer: Answer }

// The embedded default (PGlite, what `npm start` runs) always; the PostgreSQL server when DATABASE_URL names one.
const engines: Engine[] = serverUrl ? ['pglite', 'postgres'] : ['pglite']
if (!serverUrl) console.log('[reliability] crash.reliability.ts: the PostgreSQL run is skipped, DATABASE_URL is not set (the PGlite run goes ahead)')

describe.each(engines)('a gateway killed in the middle of a write load (%s)', (engine) => {
  const figures = new Figures(`crash on ${engine} (SIGKILL in the middle of a write load, restart, retries)`)
  const world = gatewayWorld(engine, figures)

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
    // (The embedded database is read with the gateway stopped: before the card tokens, which last a minute.)
    const { before, earlierReceipts, lastEntry } = await world.inspect(async (database) => ({
      before: await balances(database),
      // The living demo's own receipts and entries, before the load.
      earlierReceipts: (await database.rows<{ receipts: number }>(`select count(*)::int as receipts from redemptions`))[0].receipts,
      lastEntry: (await database.rows<{ lastEntry: number }>(`select coalesce(max(id), 0)::int as "lastEntry" from ledger_entries`))[0].lastEntry,
    }))
    await world.ensureRunning()
    const tokens: { householdId: string; token: string }[] = []
    for (let n = 0; n < 30; n++) {
      const v = villagers[n % 2]
      tokens.push({ householdId: v.householdId, token: dataOf(await call<CardToken>(v.openid, 'card', { action: 'cardToken' })).token })
    }

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
            killing = world.kill().then(() => new Promise((resolve) => setTimeout(resolve, 300))).then(() => {
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

    // The books as the next start finds them (same database and folder, same card key), before any retry.
    const { afterRestart, written } = await world.inspect(async (database) => ({
      afterRestart: await checkInvariants(database),
      written: await recordsByRequest(database),
    }))
    await world.ensureRunning()
    figures.invariantChecks += afterRestart.checks
    figures.failures += afterRestart.broken.length
    expect(afterRestart.broken).toEqual([])
    // Nothing half-written: an unanswered inspection left all its households' records or none.
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
    const { records, restored, receipts, after, final } = await world.inspect(async (database) => ({
      records: await recordsByRequest(database),
      restored: await database.rows<{ household_id: string; points: number }>(
        `select household_id, sum(points)::int as points from ledger_entries where kind = 'restoration' and id > ${lastEntry} group by household_id`,
      ),
      receipts: (await database.rows<{ receipts: number }>(`select count(*)::int as receipts from redemptions`))[0].receipts,
      after: await balances(database),
      final: await checkInvariants(database),
    }))
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
    for (const r of restored) expected.set(r.household_id, expected.get(r.household_id)! + r.points)
    const paid = sent.filter((s) => s.name === 'card' && s.answer.answered && s.answer.envelope.ok).length
    expect(receipts - earlierReceipts).toBe(paid)
    const verified = sent.filter((s) => s.name === 'notice' && s.answer.answered && s.answer.envelope.ok).map((s) => s.body.noticeId)
    expect(new Set(verified).size).toBe(verified.length)
    expect(restored.reduce((n, r) => n + r.points, 0)).toBe(verified.length * 5)
    const wrong = [...expected].filter(([id, total]) => after.get(id) !== total).map(([id, total]) => `${id}: ${after.get(id)}, expected ${total}`)
    figures.failures += wrong.length
    expect(wrong).toEqual([])

    figures.conflicts += sent.filter((s) => CONFLICT_CODES.has(outcomeOf(s.answer))).length
    figures.add('completed after the restart', unanswered.length)
    figures.invariantChecks += final.checks
    figures.failures += final.broken.length
    expect(final.broken).toEqual([])

  }, 480_000)
})

async function recordsByRequest(database: Rows): Promise<Map<string, number>> {
  const rows = await database.rows<{ request_id: string; n: number }>(`select request_id, count(*)::int as n from score_records where request_id like 'crash-score-%' group by request_id`)
  return new Map(rows.map((r) => [r.request_id, r.n]))
}
