/**
 * Redemptions per second against PostgreSQL, through the real `card.redeem` action (validation,
 * idempotency key, one transaction: token used, stock taken, ledger entry, receipt), with 16
 * concurrent clients: all on one household (every redemption waits for the household row), and
 * spread over 1,000 households. Prints throughput and median / p95 latency.
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
import { localPlatform } from '../server/gateway/local-platform'
import { cardTokenSigner } from '../server/services/card-key'
import type { Db } from '../server/store/database'
import { seedDemoIfEmpty } from '../server/store/demo-seed'
import { appendLedgerEntry } from '../server/store/ledger'
import { migratePostgres, openPostgres } from '../server/store/open-postgres'
import { households } from '../server/store/schema'
import { SERVER_URL, withThrowawayDatabase } from './support/throwaway-postgres'
import { summarize, type Timing } from './support/stats'

const CLIENTS = 16
process.env.CARD_TOKEN_SECRET ??= randomBytes(32).toString('hex')

let requestCounter = 0

export type RedeemRun = Timing & { redemptions: number; perSecond: number; refused: string }
export type RedeemFigures = { clients: number; seconds: number; oneHousehold: RedeemRun; spread: RedeemRun }

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
      const oneHousehold = await run(db, coupon.id, seconds * 1000, () => 'h-zjq-01')
      let next = 0
      const spread = await run(db, coupon.id, seconds * 1000, () => many[next++ % many.length])
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

async function run(db: Db, goodsId: number, durationMs: number, pickHousehold: () => string): Promise<RedeemRun> {
  const latencies: number[] = []
  const failures = new Map<string, number>()
  const started = performance.now()
  const deadline = started + durationMs
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < deadline) {
        const event = redeemEvent(pickHousehold(), goodsId)
        const t0 = performance.now()
        const answer = await cardFunction.invoke({ db, openid: 'demo-shop', platform: localPlatform, event })
        latencies.push(performance.now() - t0)
        if (!answer.ok) failures.set(answer.error.code, (failures.get(answer.error.code) ?? 0) + 1)
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  const refused = [...failures].map(([code, n]) => `${code}×${n}`).join(', ') || 'none'
  return { ...summarize(latencies), redemptions: latencies.length, perSecond: latencies.length / seconds, refused }
}

/**
 * A `card.redeem` event for one of `goodsId` from `householdId`, with a freshly signed card token
 * (CARD_TOKEN_SECRET) and a new requestId: what the shop's scan sends.
 */
export function redeemEvent(householdId: string, goodsId: number) {
  const token = encodeCardToken(newCardClaims(householdId, randomBytes(16).toString('base64url'), Date.now()), cardTokenSigner())
  return { action: 'redeem', requestId: `bench-${++requestCounter}-${randomBytes(4).toString('hex')}`, token, items: [{ goodsId, quantity: 1 }] }
}

function report(label: string, r: RedeemRun) {
  console.log(
    `${label.padEnd(28)} ${String(r.redemptions).padStart(6)} redemptions  ${r.perSecond.toFixed(0).padStart(5)}/s` +
      `  median ${r.median.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  refused: ${r.refused}`,
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
