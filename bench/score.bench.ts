/**
 * Issue 3's figures against embedded PGlite: a 10-household inspection (score.submit) and the
 * ranking of a 3,000-household village (score.ranking), each as median / p95 ms over repeated calls
 * paired with the baseline call (bench/support/baseline.ts), and as SQL statements per call
 * (counted by the query logger; BEGIN/COMMIT not included). Also the statements of an inspection of
 * 1, 10 and 50 households: batched, they do not grow with the number of households.
 *
 *   npx tsx bench/score.bench.ts        (also part of `npm run bench`)
 */
import { periodsOf } from '../src/core/period'
import { scoreFunction } from '../server/functions/score'
import { localPlatform } from '../server/platform/local/platform'
import { seedDemoIfEmpty } from '../server/demo/seed'
import { migratePglite, openPglite } from '../server/store/open-pglite'
import { inProcessBaseline, timePaired, type Paired } from './support/baseline'
import { BIG_VILLAGE, benchRuleId, bigVillageHouseholdIds, seedBigVillage } from './support/big-village'
import { median } from './support/stats'

const RUNS = 30
/** The inspections whose statements are counted: how many households each scores. */
export const SUBMIT_SIZES = [1, 10, 50] as const

export type ScoreFigures = {
  submit: Paired & { statements: number }
  ranking: Paired & { statements: number }
  /** Statements of one inspection of n households, by n. */
  submitStatements: Record<(typeof SUBMIT_SIZES)[number], number>
}

/** Every figure, in process on a fresh in-memory PGlite. */
export async function measureScore(): Promise<ScoreFigures> {
  let statements = 0
  const database = await openPglite(undefined, { onStatement: () => statements++ })
  try {
    await migratePglite(database)
    const db = database.db
    await seedDemoIfEmpty(db)
    await seedBigVillage(db)
    const ruleId = await benchRuleId(db)
    const ids = bigVillageHouseholdIds()
    const baseline = inProcessBaseline(db)

    const invoke = async (label: string, event: Record<string, unknown>) => {
      const answer = await scoreFunction.invoke({ db, openid: BIG_VILLAGE.cadre, event, platform: localPlatform })
      if (!answer.ok) throw new Error(`${label}: ${answer.error.message}`)
    }
    const measure = async (label: string, call: (i: number) => Record<string, unknown>) => {
      const counts: number[] = []
      const timing = await timePaired(RUNS, async (i) => {
        statements = 0
        await invoke(label, call(i))
        counts.push(statements)
      }, baseline)
      return { ...timing, statements: median(counts) }
    }

    const submit = await measure('score.submit', (i) => ({ action: 'submit', requestId: `bench-walk-${i}`, householdIds: ids.slice(i * 10, i * 10 + 10), ruleId }))
    const ranking = await measure('score.ranking', () => ({ action: 'ranking', orgId: BIG_VILLAGE.id, period: periodsOf(new Date()).month }))
    // Households no timed walk scored (those took the first RUNS × 10).
    let next = RUNS * 10
    const submitStatements = {} as ScoreFigures['submitStatements']
    for (const n of SUBMIT_SIZES) {
      statements = 0
      await invoke(`score.submit of ${n}`, { action: 'submit', requestId: `bench-size-${n}`, householdIds: ids.slice(next, next + n), ruleId })
      submitStatements[n] = statements
      next += n
    }
    return { submit, ranking, submitStatements }
  } finally {
    await database.close()
  }
}

async function main() {
  const { submit, ranking, submitStatements } = await measureScore()
  const line = (label: string, t: ScoreFigures['submit']) =>
    console.log(
      `${label}: median ${t.measured.median.toFixed(1)} ms (${(t.measured.median / t.baseline.median).toFixed(1)}× baseline), p95 ${t.measured.p95.toFixed(1)} ms, ${t.statements} statements per call`,
    )
  line('score.submit, 10 households', submit)
  line(`score.ranking, ${BIG_VILLAGE.size} households`, ranking)
  for (const n of SUBMIT_SIZES) console.log(`score.submit of ${n} households: ${submitStatements[n]} statements`)
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
