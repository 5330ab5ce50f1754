/**
 * The annual dividend, timed:
 *  1. pure apportionment (src/core/dividend) for 100,000 households, proportional and tiered;
 *  2. a full run for a 3,000-household village against in-memory PGlite: `preview` (read the
 *     year's points, compute) and `saveDraft` (the same plus writing 3,000 lines), through the
 *     cloud function as the app calls it.
 * Prints medians in ms (each paired with a baseline, bench/support/baseline.ts: the pure runs with the
 * pure baseline, the full runs with the baseline call on the same PGlite) and SQL statements per call. Run: npx tsx bench/dividend.bench.ts (also part of `npm run bench`).
 */
import { performance } from 'node:perf_hooks'
import { computeDividend, type DividendHousehold } from '../src/core/dividend/dividend-run'
import { INCENTIVE_PRESETS } from '../src/core/dividend/incentive-methods'
import { periodsOf } from '../src/core/period'
import { dividendFunction } from '../server/functions/dividend'
import { localPlatform } from '../server/platform/local/platform'
import { appendLedgerEntry } from '../server/store/ledger'
import { openMigratedDatabase } from '../server/store/open-database'
import { households, orgs, roleGrants, users } from '../server/store/schema'
import type { Db } from '../server/store/database'
import { inProcessBaseline, pureBaseline, timePaired, type Paired } from './support/baseline'

const RUNS = 7
/** Unmeasured pairs first: the apportionment's first calls include compiling it. */
const WARM_UP = 2

/** The run the bench previews and drafts for a village: this year, ¥561,600 of which ¥93,600 by points, tiered. */
export function dividendSettings(orgId: string) {
  const year = Number(periodsOf(new Date()).year)
  return { orgId, year, totalFen: 56_160_000, incentiveFen: 9_360_000, method: INCENTIVE_PRESETS[1].method }
}

/** One timed figure of this bench: paired with the baseline, and SQL statements per call where a database is involved. */
export type DividendFigure = { key: string; label: string; timing: Paired; statements?: number }

/** A small deterministic generator, so every run of the bench sees the same village. */
function generator(seed: number) {
  let state = seed >>> 0
  return (below: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state % below
  }
}

/** The apportionment alone, paired with the pure baseline (the same kind of work in plain JavaScript). */
async function pureApportionment(): Promise<DividendFigure[]> {
  const figures: DividendFigure[] = []
  const next = generator(42)
  const many: DividendHousehold[] = Array.from({ length: 100_000 }, (_, i) => ({
    householdId: `h-${String(i).padStart(6, '0')}`,
    shares: 1 + next(8),
    points: next(160) - 20,
  }))
  for (const preset of INCENTIVE_PRESETS.slice(0, 2)) {
    const timing = await timePaired(RUNS, async () => {
      const result = computeDividend({ totalFen: 5_616_000_000, incentiveFen: 936_000_000, method: preset.method, households: many })
      if (!result.ok) throw new Error(result.problem)
    }, pureBaseline, WARM_UP)
    figures.push({ key: `pure-${preset.id}`, label: `pure run, 100,000 households, ${preset.label}`, timing })
  }
  return figures
}

/**
 * All of this bench's figures: the pure apportionments (paired with the pure baseline), then the
 * full runs, paired with the baseline call on the bench's PGlite.
 */
export async function measureDividend(): Promise<DividendFigure[]> {
  let statements = 0
  const database = await openMigratedDatabase({}, { onStatement: () => statements++ })
  try {
    const baseline = inProcessBaseline(database.db)
    const pure = await pureApportionment()
    return [...pure, ...(await fullRunOnPglite(database.db, baseline, (reset) => (reset ? (statements = 0) : statements)))]
  } finally {
    await database.close()
  }
}

async function fullRunOnPglite(db: Db, baseline: () => Promise<unknown>, statements: (reset?: boolean) => number): Promise<DividendFigure[]> {
  const figures: DividendFigure[] = []
  const seedStart = performance.now()
  await db.transaction(async (tx) => {
    await tx.insert(orgs).values([
      { id: 'st', kind: 'street', name: '当湖街道', path: '/st/' },
      { id: 'v', kind: 'village', name: '大村', parentId: 'st', path: '/st/v/' },
      { id: 'c', kind: 'community', name: '东湖社区', parentId: 'st', path: '/st/c/' },
    ])
    await tx.insert(users).values({ openid: 'accountant', displayName: '会计' })
    await tx.insert(roleGrants).values({ openid: 'accountant', role: 'accountant', orgId: 'v' })
    const next = generator(7)
    const rows = Array.from({ length: 3_000 }, (_, i) => ({
      id: `h-${String(i).padStart(4, '0')}`,
      villageId: 'v',
      communityId: i % 10 === 0 ? 'c' : null,
      headName: `户主${i}`,
      houseNo: `${1 + Math.floor(i / 100)}组${i % 100}号`,
      shares: 1 + next(8),
    }))
    for (let i = 0; i < rows.length; i += 500) await tx.insert(households).values(rows.slice(i, i + 500))
    // Three scores a household through the ledger (the one way points move); relocated ones by the community.
    for (const row of rows) {
      for (let k = 0; k < 3; k++) {
        const points = next(40) - 5 || 1
        await appendLedgerEntry(tx, { householdId: row.id, points, kind: 'score', scorerOrgId: row.communityId && k === 0 ? 'c' : 'v' })
      }
    }
  })
  console.log(`seeded 3,000 households and 9,000 ledger entries in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`)

  const settings = dividendSettings('v')
  const call = async (event: Record<string, unknown>) => {
    const envelope = await dividendFunction.invoke({ db, openid: 'accountant', event, platform: localPlatform })
    if (!envelope.ok) throw new Error(`${envelope.error.code} ${envelope.error.message}`)
    return envelope.data
  }
  let request = 0
  for (const [key, name, event] of [
    ['preview', 'preview (read points + compute)', () => ({ action: 'preview', ...settings })],
    ['saveDraft', 'saveDraft (read + compute + write 3,000 lines)', () => ({ action: 'saveDraft', requestId: `bench-${++request}-abcdef`, ...settings })],
  ] as const) {
    await call(event()) // warm-up
    let counted = 0
    const timing = await timePaired(RUNS, async () => {
      statements(true)
      await call(event())
      counted += statements()
    }, baseline)
    figures.push({ key, label: `full run, 3,000 households on PGlite, ${name}`, timing, statements: Math.round(counted / RUNS) })
  }
  return figures
}

async function main() {
  for (const f of await measureDividend()) {
    const statements = f.statements === undefined ? '' : `, ${f.statements} statements per call`
    const { measured: m, baseline: b } = f.timing
    console.log(`${f.label}: median ${m.median.toFixed(1)} ms (${(m.median / b.median).toFixed(1)}× baseline)${statements} (${m.runs} runs)`)
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
