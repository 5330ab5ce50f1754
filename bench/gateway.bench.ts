/**
 * Latency through the real gateway process (`server/gateway/main.ts`, spawned as `npm start` runs
 * it): account.whoami, score.submit (10 households), score.ranking (3,000 households), card.redeem
 * and dividend.preview (3,000 households), median and p95 of sequential HTTP calls, against PGlite
 * (DATA_DIR) and against PostgreSQL (a throwaway database on DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres). Each call is paired with the baseline call through
 * the same gateway just before it (bench/support/baseline.ts), so the budgets hold ratios. The gateway
 * process cannot count SQL, so the same calls are then made in process on the same database with a
 * statement counter.
 *
 *   npx tsx bench/gateway.bench.ts       (also part of `npm run bench`)
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { periodsOf } from '../src/core/period'
import { cloudFunctions } from '../server/functions'
import { localPlatform } from '../server/platform/local/platform'
import type { Db } from '../server/store/database'
import { seedDemoIfEmpty } from '../server/demo/seed'
import { openMigratedDatabase } from '../server/store/open-database'
import { callAs } from '../tests/e2e/support/api'
import { startGateway } from '../tests/e2e/support/gateway'
import { dividendSettings } from './dividend.bench'
import { addGoods, redeemEvent, topUp } from './redeem.bench'
import { BIG_VILLAGE, benchRuleId, bigVillageHouseholdIds, seedBigVillage } from './support/big-village'
import { BASELINE, timePaired, type Paired } from './support/baseline'
import { median } from './support/stats'
import { withThrowawayDatabase } from './support/throwaway-postgres'

export type Engine = 'pglite' | 'postgres'
export const ENGINES: readonly Engine[] = ['pglite', 'postgres']

/** One action's figures on one engine: HTTP round trips through the gateway (with the baseline's, paired), and SQL per call. */
export type GatewayFigure = Paired & { call: string; statements: number }

// The first calls after the gateway starts pay for tsx compiling and V8 warming up the handlers: not measured.
const WARM_UP = 10
const RUNS = Number(process.env.BENCH_GATEWAY_RUNS ?? 30)
const COUNTED_RUNS = 5

/** A call the app makes: which function, as whom, and the event of its i-th repetition. */
type BenchCall = { call: string; fn: string; openid: string; event: (i: number) => Record<string, unknown> }

/** What the seeded database holds for the calls: the scoring rule and the shop's 1-point goods. */
type Seeded = { ruleId: number; goodsId: number }

function benchCalls({ ruleId, goodsId }: Seeded): BenchCall[] {
  const ids = bigVillageHouseholdIds()
  let walk = 0
  return [
    { call: 'account.whoami', fn: 'account', openid: 'demo-villager', event: () => ({ action: 'whoami' }) },
    {
      call: 'score.submit (10 households)',
      fn: 'score',
      openid: BIG_VILLAGE.cadre,
      // Ten households no earlier call scored, so every walk is a fresh one.
      event: () => {
        const n = walk++
        return { action: 'submit', requestId: `gw-walk-${n}-${randomBytes(3).toString('hex')}`, householdIds: ids.slice(n * 10, n * 10 + 10), ruleId }
      },
    },
    {
      call: `score.ranking (${BIG_VILLAGE.size.toLocaleString('en')} households)`,
      fn: 'score',
      openid: BIG_VILLAGE.cadre,
      event: () => ({ action: 'ranking', orgId: BIG_VILLAGE.id, period: periodsOf(new Date()).month }),
    },
    { call: 'card.redeem', fn: 'card', openid: 'demo-shop', event: () => redeemEvent('h-zjq-01', goodsId) },
    {
      call: `dividend.preview (${BIG_VILLAGE.size.toLocaleString('en')} households)`,
      fn: 'dividend',
      openid: BIG_VILLAGE.cadre,
      event: () => ({ action: 'preview', ...dividendSettings(BIG_VILLAGE.id) }),
    },
  ]
}

/** The demo village (as the gateway seeds it), 压测村, and a shop item with stock and points for redeeming. */
async function seed(db: Db): Promise<Seeded> {
  await seedDemoIfEmpty(db)
  await seedBigVillage(db)
  const goods = await addGoods(db, '压测面券', 1, 100_000)
  await topUp(db, ['h-zjq-01'], 1_000_000)
  return { ruleId: await benchRuleId(db), goodsId: goods.id }
}

/** All five calls on one engine: seed in process, time through the gateway, count SQL in process. */
export async function measureGateway(engine: Engine): Promise<GatewayFigure[]> {
  if (engine === 'postgres') {
    return withThrowawayDatabase('bench_gateway', (databaseUrl) => measureOn({ databaseUrl }))
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'shanzhi-bench-gateway-'))
  try {
    return await measureOn({ dataDir })
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/** Where the database lives: a PostgreSQL database's URL or PGlite's data folder, for the gateway and for us. */
type Store = { databaseUrl: string } | { dataDir: string }

async function measureOn(store: Store): Promise<GatewayFigure[]> {
  // PGlite is one process's: the seeding handle is closed before the gateway opens the folder.
  const seeding = await openMigratedDatabase(store)
  let seeded: Seeded
  try {
    seeded = await seed(seeding.db)
  } finally {
    await seeding.close()
  }
  const calls = benchCalls(seeded)

  const timings: Paired[] = []
  const gateway = await startGateway({ ...store, apiOnly: true })
  const through = async (c: Pick<BenchCall, 'call' | 'fn' | 'openid'>, event: Record<string, unknown>) => {
    const envelope = await callAs(gateway.baseUrl, c.openid, c.fn, event)
    if (!envelope.ok) throw new Error(`${c.call} through the gateway: ${envelope.error.code} ${envelope.error.message}`)
  }
  try {
    const baseline = () => through({ ...BASELINE, call: 'baseline' }, { ...BASELINE.event })
    for (const c of calls) timings.push(await timePaired(RUNS, (i) => through(c, c.event(i)), baseline, WARM_UP))
  } finally {
    await gateway.stop()
  }

  let statements = 0
  const counting = await openMigratedDatabase(store, { onStatement: () => statements++ })
  const counts: number[] = []
  try {
    for (const c of calls) {
      const perCall: number[] = []
      for (let i = 0; i < COUNTED_RUNS; i++) {
        const event = c.event(i)
        statements = 0
        const envelope = await cloudFunctions[c.fn].invoke({ db: counting.db, openid: c.openid, event, platform: localPlatform })
        if (!envelope.ok) throw new Error(`${c.call} in process: ${envelope.error.code} ${envelope.error.message}`)
        perCall.push(statements)
      }
      counts.push(median(perCall))
    }
  } finally {
    await counting.close()
  }
  return calls.map((c, i) => ({ call: c.call, ...timings[i], statements: counts[i] }))
}

async function main() {
  for (const engine of ENGINES) {
    for (const f of await measureGateway(engine)) {
      const { measured: m, baseline: b } = f
      console.log(
        `${engine.padEnd(8)} ${f.call.padEnd(36)} median ${m.median.toFixed(1)} ms (${(m.median / b.median).toFixed(1)}× baseline)  p95 ${m.p95.toFixed(1)} ms  ${f.statements} statements per call`,
      )
    }
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
