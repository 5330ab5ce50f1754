/**
 * Redemptions per second against PostgreSQL, through the real `card.redeem` action (validation,
 * idempotency key, one transaction: token used, stock taken, ledger entry, receipt), with 16
 * concurrent clients: all on one household (every redemption waits for the household row), and
 * spread over 1,000 households. Prints throughput and median / p95 latency. Each run alternates
 * phases of redeeming (1 s) with phases of the baseline call (bench/support/baseline.ts, ½ s) from
 * the same 16 clients on the same database, so both see the same load and are compared as ratios.
 *
 *   npx tsx bench/redeem.bench.ts        (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres;
 *                                         a fresh database is made and dropped; also part of `npm run bench`)
 */
import { randomBytes } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { eq } from 'drizzle-orm'
import { encodeCardToken, newCardClaims } from '../src/core/card/token'
import type { GoodsView } from '../src/core/contracts/card'
import { cardFunction } from '../server/functions/card'
import { localPlatform } from '../server/platform/local/platform'
import { cardTokenSigner } from '../server/services/card/card-key'
import type { Db } from '../server/store/database'
import { seedDemoIfEmpty } from '../server/demo/seed'
import { appendLedgerEntry } from '../server/store/ledger'
import { migratePostgres, openPostgres } from '../server/store/open-postgres'
import { households } from '../server/store/schema'
import { SERVER_URL, withThrowawayDatabase } from './support/throwaway-postgres'
import { inProcessBaseline } from './support/baseline'
import { summarize, type Timing } from './support/stats'

const CLIENTS = 16
process.env.CARD_TOKEN_SECRET ??= randomBytes(32).toString('hex')

let requestCounter = 0

export type RedeemRun = Timing & { redemptions: number; perSecond: number; refused: string }
/** A run of redemptions and the baseline's calls in the phases between them. */
export type RedeemPair = RedeemRun & { baseline: RedeemRun }
export type RedeemFigures = { clients: number; seconds: number; oneHousehold: RedeemPair; spread: RedeemPair }

const REDEEM_PHASE_MS = 1000
const BASELINE_PHASE_MS = 500

/** Both runs (one household, then 1,000 households), `seconds` each, on a throwaway database. */
export async function measureRedeem(seconds = Number(process.env.BENCH_SECONDS ?? 10)): Promise<RedeemFigures> {
  return withThrowawayDatabase('bench_redeem', async (url) => {
    const database = await openPostgres(url, { poolSize: CLIENTS + 2 })
    try {
      await migratePostgres(database)
      await seedDemoIfEmpty(database.db)
      const db = database.db
      const coupon = await addGoods(db, '压测面券', 1, 1_000_000)
      const many = await addHouseholds(db, 1000)
      await topUp(db, ['h-zjq-01'], 100_000_000)
      const oneHousehold = await alternating(db, coupon.id, seconds, () => 'h-zjq-01')
      let next = 0
      const spread = await alternating(db, coupon.id, seconds, () => many[next++ % many.length])
      return { clients: CLIENTS, seconds, oneHousehold, spread }
    } finally {
      await database.close()
    }
  })
}

async function main() {
  const figures = await measureRedeem()
  console.log(`card.redeem, ${CLIENTS} concurrent clients, ${figures.seconds} s each, PostgreSQL ${new URL(SERVER_URL).host}`)
  report('one household (h-zjq-01)', figures.oneHousehold)
  report('1,000 households', figures.spread)
}

/** What the clients did in the phases of one kind: each call's latency, the time spent, refusals by code. */
type Phases = { latencies: number[]; ms: number; failures: Map<string, number> }

/** `seconds` of redeeming in 1 s phases, each after a ½ s phase of the baseline call, from the same clients. */
async function alternating(db: Db, goodsId: number, seconds: number, pickHousehold: () => string): Promise<RedeemPair> {
  const redeem: Phases = { latencies: [], ms: 0, failures: new Map() }
  const baseline: Phases = { latencies: [], ms: 0, failures: new Map() }
  // Each of the concurrent clients makes single baseline calls, as it makes single redemptions.
  const baselineCall = inProcessBaseline(db, 1)
  for (let phase = 0; phase < seconds; phase++) {
    await phaseOf(baseline, BASELINE_PHASE_MS, async () => {
      await baselineCall()
      return null
    })
    await phaseOf(redeem, REDEEM_PHASE_MS, async () => {
      const answer = await cardFunction.invoke({ db, openid: 'demo-shop', platform: localPlatform, event: redeemEvent(pickHousehold(), goodsId) })
      return answer.ok ? null : answer.error.code
    })
  }
  return { ...summaryOf(redeem), baseline: summaryOf(baseline) }
}

/** CLIENTS clients calling `call` back to back for `durationMs`; `call` answers a refusal's code or null. */
async function phaseOf(into: Phases, durationMs: number, call: () => Promise<string | null>) {
  const started = performance.now()
  const deadline = started + durationMs
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now()
        const refusal = await call()
        into.latencies.push(performance.now() - t0)
        if (refusal) into.failures.set(refusal, (into.failures.get(refusal) ?? 0) + 1)
      }
    }),
  )
  into.ms += performance.now() - started
}

function summaryOf({ latencies, ms, failures }: Phases): RedeemRun {
  const refused = [...failures].map(([code, n]) => `${code}×${n}`).join(', ') || 'none'
  return { ...summarize(latencies), redemptions: latencies.length, perSecond: latencies.length / (ms / 1000), refused }
}

/**
 * A `card.redeem` event for one of `goodsId` from `householdId`, with a freshly signed card token
 * (CARD_TOKEN_SECRET) and a new requestId: what the shop's scan sends.
 */
export function redeemEvent(householdId: string, goodsId: number) {
  const token = encodeCardToken(newCardClaims(householdId, randomBytes(16).toString('base64url'), Date.now()), cardTokenSigner())
  return { action: 'redeem', requestId: `bench-${++requestCounter}-${randomBytes(4).toString('hex')}`, token, items: [{ goodsId, quantity: 1 }] }
}

function report(label: string, r: RedeemPair) {
  console.log(
    `${label.padEnd(28)} ${String(r.redemptions).padStart(6)} redemptions  ${r.perSecond.toFixed(0).padStart(5)}/s` +
      `  median ${r.median.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  refused: ${r.refused}` +
      `  (baseline: ${r.baseline.perSecond.toFixed(0)}/s, median ${r.baseline.median.toFixed(1)} ms)`,
  )
}

/** A goods item with `stock` on the shelf (added in restocks of at most 100,000, as the clerk's form allows). */
export async function addGoods(db: Db, name: string, pointsPrice: number, stock: number): Promise<GoodsView> {
  let item: GoodsView | undefined
  for (let left = stock; left > 0; left -= 100_000) {
    const answer = await cardFunction.invoke({
      db,
      openid: 'demo-shop',
      platform: localPlatform,
      event: {
        action: 'saveGoods',
        requestId: `bench-goods-${randomBytes(4).toString('hex')}`,
        goodsId: item?.id,
        name,
        pointsPrice,
        onShelf: true,
        stockDelta: Math.min(left, 100_000),
      },
    })
    if (!answer.ok) throw new Error(answer.error.message)
    item = answer.data as GoodsView
  }
  return item!
}

async function addHouseholds(db: Db, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => `h-bench-${String(i).padStart(4, '0')}`)
  await db.insert(households).values(
    ids.map((id, i) => ({ id, villageId: 'v-zjq', groupId: 'g-zjq-1', headName: '压测户', houseNo: `压测${i}号`, shares: 1 })),
  )
  await topUp(db, ids, 1_000_000)
  return ids
}

export async function topUp(db: Db, ids: string[], points: number) {
  await db.transaction(async (tx) => {
    for (const householdId of ids) await appendLedgerEntry(tx, { householdId, points, kind: 'opening', note: '压测' })
  })
  const [check] = await db.select().from(households).where(eq(households.id, ids[0]))
  if (check.balance < points) throw new Error('top-up failed')
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
