/**
 * Issue 3's figures against embedded PGlite: a 10-household inspection (score.submit) and the
 * ranking of a 3,000-household village (score.ranking), each as median / p95 ms over repeated calls
 * and as SQL statements per call (counted by the query logger; BEGIN/COMMIT not included).
 *
 *   npx tsx bench/score.bench.ts        (also part of `npm run bench`)
 */
import { performance } from 'node:perf_hooks'
import { periodsOf } from '../src/core/period'
import { scoreFunction } from '../server/functions/score'
import { localPlatform } from '../server/gateway/local-platform'
import { seedDemoIfEmpty } from '../server/store/demo-seed'
import { migratePglite, openPglite } from '../server/store/open-pglite'
import { BIG_VILLAGE, benchRuleId, bigVillageHouseholdIds, seedBigVillage } from './support/big-village'
import { median, summarize, type Timing } from './support/stats'

const RUNS = 30

export type ScoreFigures = {
  submit: Timing & { statements: number }
  ranking: Timing & { statements: number }
}

/** Both figures, in process on a fresh in-memory PGlite. */
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

    const measure = async (label: string, call: (i: number) => Promise<unknown>) => {
      const times: number[] = []
      const counts: number[] = []
      for (let i = 0; i < RUNS; i++) {
        statements = 0
        const start = performance.now()
        const answer = (await call(i)) as { ok: boolean; error?: { message: string } }
        times.push(performance.now() - start)
        counts.push(statements)
        if (!answer.ok) throw new Error(`${label}: ${answer.error?.message}`)
      }
      return { ...summarize(times), statements: median(counts) }
    }

    const invoke = (event: Record<string, unknown>) => scoreFunction.invoke({ db, openid: BIG_VILLAGE.cadre, event, platform: localPlatform })
    const submit = await measure('score.submit', (i) =>
      invoke({ action: 'submit', requestId: `bench-walk-${i}`, householdIds: ids.slice(i * 10, i * 10 + 10), ruleId }),
    )
    const ranking = await measure('score.ranking', () => invoke({ action: 'ranking', orgId: BIG_VILLAGE.id, period: periodsOf(new Date()).month }))
    return { submit, ranking }
  } finally {
    await database.close()
  }
}

async function main() {
  const { submit, ranking } = await measureScore()
  const line = (label: string, t: ScoreFigures['submit']) =>
    console.log(`${label}: median ${t.median.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms, ${t.statements} statements per call`)
  line('score.submit, 10 households', submit)
  line(`score.ranking, ${BIG_VILLAGE.size} households`, ranking)
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
