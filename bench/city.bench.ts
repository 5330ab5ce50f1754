/**
 * `npm run bench:city`: the city-scale world (bench/support/city-world.ts: 100 villages × 3,000
 * households, twelve months, ≈ 10 million ledger entries) on a throwaway database of the PostgreSQL
 * server (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres), and what a village's
 * people ask of it: each figure's median and p95 ms over repeated in-process calls, paired with the
 * baseline call on the same database (bench/support/baseline.ts), its SQL statements per call, and
 * whether any of its statements reads ledger_entries (EXPLAIN of each, with its parameters). After
 * the load, `npm run check:totals` on the same database must find no drift. Writes the city section
 * of bench/results.md; exits 1 if a read touches the ledger or a kept total drifted.
 * CITY_VILLAGES / CITY_HOUSEHOLDS make a smaller city for a trial run.
 */
import { spawnSync } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { Pool } from 'pg'
import { periodsOf } from '../src/core/period'
import { cloudFunctions } from '../server/functions'
import { localPlatform } from '../server/platform/local/platform'
import { seedDemoIfEmpty } from '../server/demo/seed'
import { migratePostgres, openPostgres } from '../server/store/open-postgres'
import { dividendSettings } from './dividend.bench'
import { IN_PROCESS_BLOCK, inProcessBaseline, timePaired, type Paired } from './support/baseline'
import { CITY, buildCityWorld, cityHouseholdIds } from './support/city-world'
import { show } from './support/figures'
import { CITY_HEADING, writeCityResults } from './support/results-file'
import { median } from './support/stats'
import { SERVER_URL, withThrowawayDatabase } from './support/throwaway-postgres'

const ROOT = path.resolve(__dirname, '..')
const RUNS = Number(process.env.CITY_RUNS ?? 15)
/**
 * CITY_DATABASE=<name>: the city lives in this database on the server and is kept afterwards; a run
 * finding it already built only migrates it and measures (building takes ten minutes and more).
 */
const KEPT_DATABASE = process.env.CITY_DATABASE

async function keptDatabaseUrl(name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`CITY_DATABASE: ${name} is not a plain database name`)
  const admin = new Pool({ connectionString: SERVER_URL, max: 1 })
  try {
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name])
    if (!rowCount) await admin.query(`create database ${name}`)
  } finally {
    await admin.end()
  }
  const url = new URL(SERVER_URL)
  url.pathname = `/${name}`
  return url.toString()
}

/**
 * What is measured: one entry a figure. `reads` figures must not touch ledger_entries; a write
 * (score.submit) necessarily does, and is there to put load on the world before the drift check.
 */
type CityFigure = { key: string; label: string; fn: string; openid: string; reads: boolean; event: (i: number, world: World) => Record<string, unknown> }
/** What the built world tells the figures: the rule a walk scores with. */
type World = { households: number; entries: number; size: string; rule: number }

const householdsOfVillage = cityHouseholdIds(0)
const CITY_FIGURES: CityFigure[] = [
  {
    key: 'ranking',
    label: `score.ranking: a village's month, the page (${CITY.households.toLocaleString('en')} households)`,
    fn: 'score',
    openid: CITY.cadre,
    reads: true,
    event: () => ({ action: 'ranking', orgId: CITY.village, period: periodsOf(new Date()).month }),
  },
  {
    key: 'ranking-year',
    label: `score.ranking: a village's year, the page (${CITY.households.toLocaleString('en')} households)`,
    fn: 'score',
    openid: CITY.cadre,
    reads: true,
    event: () => ({ action: 'ranking', orgId: CITY.village, period: periodsOf(new Date()).year }),
  },
  {
    key: 'beauty-chart-grid',
    label: '美丽积分图 of a micro-grid (100 households × 6 months)',
    fn: 'score',
    openid: CITY.cadre,
    reads: true,
    event: () => ({ action: 'beautyChart', orgId: CITY.microGrid }),
  },
  {
    key: 'beauty-chart-village',
    label: `美丽积分图 of a village (its ${Math.ceil(CITY.households / 100)} micro-grids × 12 months)`,
    fn: 'score',
    openid: CITY.cadre,
    reads: true,
    event: () => ({ action: 'beautyChart', orgId: CITY.village, months: 12 }),
  },
  {
    key: 'dividend-preview',
    label: `dividend.preview of a village (${CITY.households.toLocaleString('en')} households)`,
    fn: 'dividend',
    openid: CITY.cadre,
    reads: true,
    event: () => ({ action: 'preview', ...dividendSettings(CITY.village) }),
  },
  {
    key: 'street-month',
    label: `街道总览: the street's ${CITY.villages} villages side by side, a month (${(CITY.villages * CITY.households).toLocaleString('en')} households)`,
    fn: 'street',
    openid: CITY.admin,
    reads: true,
    event: () => ({ action: 'overview', period: periodsOf(new Date()).month }),
  },
  {
    key: 'street-year',
    label: `街道总览: the street's ${CITY.villages} villages side by side, a year`,
    fn: 'street',
    openid: CITY.admin,
    reads: true,
    event: () => ({ action: 'overview', period: periodsOf(new Date()).year }),
  },
  {
    key: 'street-village',
    label: `街道总览 drilled into a village: its ${Math.ceil(CITY.households / 100)} micro-grids, a year`,
    fn: 'street',
    openid: CITY.admin,
    reads: true,
    event: () => ({ action: 'overview', orgId: CITY.village, period: periodsOf(new Date()).year }),
  },
  {
    key: 'submit',
    label: 'score.submit (10 households) in the city',
    fn: 'score',
    openid: CITY.cadre,
    reads: false,
    event: (i, world) => ({ action: 'submit', requestId: `city-walk-${i}-${Date.now()}`, householdIds: householdsOfVillage.slice(i * 10, i * 10 + 10), ruleId: world.rule }),
  },
]

type Measured = { figure: CityFigure; timing: Paired; statements: number; ledgerReads: string[] }

/** The relations a statement's plan reads, from EXPLAIN (FORMAT JSON) with its parameters. */
async function relationsRead(pool: Pool, sql: string, params: unknown[]): Promise<string[]> {
  const { rows } = await pool.query(`explain (format json) ${sql}`, params)
  const found = new Set<string>()
  const walk = (node: Record<string, unknown>) => {
    if (typeof node['Relation Name'] === 'string') found.add(node['Relation Name'])
    for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child)
  }
  walk((rows[0]['QUERY PLAN'] as { Plan: Record<string, unknown> }[])[0].Plan)
  return [...found]
}

async function measureCity(url: string) {
  const seen: { sql: string; params: unknown[] }[] = []
  let counting = false
  const database = await openPostgres(url, { onStatement: (sql, params) => counting && seen.push({ sql, params }) })
  const explainer = new Pool({ connectionString: url, max: 1 })
  try {
    await migratePostgres(database)
    await seedDemoIfEmpty(database.db)
    const client = await explainer.connect()
    let buildSeconds: number | null = null
    try {
      const built = (await client.query(`select exists (select 1 from households where id like 'ch-%') as built`)).rows[0].built as boolean
      if (!built) {
        console.log(`building the city: ${CITY.villages} villages × ${CITY.households.toLocaleString('en')} households`)
        buildSeconds = await buildCityWorld(client)
      }
    } finally {
      client.release()
    }
    const world = (
      await explainer.query(`select (select count(*) from households where id like 'ch-%')::int as households,
                                    (select count(*) from ledger_entries)::int as entries,
                                    pg_size_pretty(pg_database_size(current_database())) as size,
                                    (select id from rules where rule_set_id = 'rs-zjq' and code = 'waste-right' order by version desc limit 1) as rule`)
    ).rows[0] as World
    console.log(`  ${world.households.toLocaleString('en')} households, ${world.entries.toLocaleString('en')} ledger entries, ${world.size}, ${buildSeconds === null ? 'built before' : `built in ${buildSeconds.toFixed(0)} s`}`)

    const baseline = inProcessBaseline(database.db)
    const measured: Measured[] = []
    for (const figure of CITY_FIGURES) {
      const call = async (i: number) => {
        const event = figure.event(i, world)
        const answer = await cloudFunctions[figure.fn].invoke({ db: database.db, openid: figure.openid, event, platform: localPlatform })
        if (!answer.ok) throw new Error(`${figure.label}: ${answer.error.code} ${answer.error.message}`)
      }
      await call(RUNS) // warm-up (for submit: households no timed call scores)
      const counts: number[] = []
      const ledgerReads = new Set<string>()
      const timing = await timePaired(RUNS, async (i) => {
        seen.length = 0
        counting = true
        try {
          await call(i)
        } finally {
          counting = false
        }
        counts.push(seen.length)
        if (i === 0) {
          for (const s of seen.filter((s) => /^\s*(select|with)\b/i.test(s.sql))) {
            if ((await relationsRead(explainer, s.sql, s.params)).includes('ledger_entries')) ledgerReads.add(s.sql.slice(0, 120))
          }
        }
      }, baseline)
      measured.push({ figure, timing, statements: median(counts), ledgerReads: [...ledgerReads] })
      const m = timing.measured
      console.log(`  ${figure.label}: median ${m.median.toFixed(1)} ms, p95 ${m.p95.toFixed(1)} ms, ${median(counts)} statements, ledger read: ${ledgerReads.size ? 'YES' : 'no'}`)
    }

    // The ledger stays the single source of truth: the drift check, as a person runs it, after the load.
    const t0 = performance.now()
    const check = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check-totals.ts'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DATABASE_URL: url } })
    const drift = { status: check.status, seconds: (performance.now() - t0) / 1000, out: `${check.stdout}${check.stderr}`.trim() }
    console.log(drift.out)
    return { world, buildSeconds, measured, drift }
  } finally {
    await explainer.end()
    await database.close()
  }
}

function citySection(r: Awaited<ReturnType<typeof measureCity>>, minutes: number, loadBefore: number[]): string {
  const git = (args: string[]) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout.trim()
  const loads = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ')
  const rows = r.measured.map(({ figure, timing: { measured: m, baseline: b }, statements, ledgerReads }) => {
    const ledger = figure.reads ? (ledgerReads.length ? '**read**' : 'not read') : `writes its entries${ledgerReads.length ? ' (and looks up reversals by index)' : ''}`
    return `| ${figure.label} | ${show(m.median, 'ms')} | ${show(m.p95, 'ms')} | ${show(m.median / b.median, '×')} | ${statements} | ${ledger} |`
  })
  return `${CITY_HEADING}

Written by \`npm run bench:city\` (bench/city.bench.ts) on ${new Date().toISOString()} at commit ${git(['rev-parse', '--short', 'HEAD'])},
PostgreSQL ${new URL(SERVER_URL).host} on this machine, load average ${loads(loadBefore)} before and ${loads(os.loadavg())} after;
${minutes.toFixed(1)} min in all. Not part of \`npm run bench\` (the world takes minutes to build).

**The world** (bench/support/city-world.ts): ${CITY.villages} villages × ${CITY.households.toLocaleString('en')} households =
${r.world.households.toLocaleString('en')} households, twelve months of history, ${r.world.entries.toLocaleString('en')} ledger entries
(an opening and ${CITY.scoresPerHousehold} scores a household, under the rule set's rules, by the village or the micro-grid),
${r.world.size} on disk; built with set-based SQL${r.buildSeconds === null ? ' by an earlier run (CITY_DATABASE)' : ` in ${r.buildSeconds.toFixed(0)} s`}, the kept totals (balances, month and year points,
points by rule and scoring organisation per household and per place, points by category and households per unit) built from the entries.

**Figures**: in process through the cloud functions as the app calls them, as a cadre of 压测0村 (街道总览: as the street's admin), ${RUNS} calls
each after one warm-up, each paired with the baseline (${IN_PROCESS_BLOCK} × ${'`account.whoami`'} of an unregistered user, in a row) on the same
database; SQL statements per call include BEGIN/COMMIT. "ledger_entries" is from \`EXPLAIN (FORMAT JSON)\` of every
SELECT the call sent, with its parameters: a read that needs the ledger would show it.

| figure | median | p95 | median ÷ baseline | SQL per call | ledger_entries |
| --- | ---: | ---: | ---: | ---: | --- |
${rows.join('\n')}

**Drift check after the load** (\`npm run check:totals\` on the city's database, ${r.drift.seconds.toFixed(0)} s): exit ${r.drift.status}.

\`\`\`
${r.drift.out}
\`\`\`
`
}

async function main() {
  const started = performance.now()
  const loadBefore = os.loadavg()
  const result = KEPT_DATABASE ? await measureCity(await keptDatabaseUrl(KEPT_DATABASE)) : await withThrowawayDatabase('bench_city', measureCity)
  writeCityResults(citySection(result, (performance.now() - started) / 60_000, loadBefore))
  const readers = result.measured.filter((m) => m.figure.reads && m.ledgerReads.length > 0)
  for (const m of readers) console.error(`✗ ${m.figure.label} reads ledger_entries: ${m.ledgerReads.join(' | ')}`)
  if (result.drift.status !== 0) console.error('✗ the drift check found kept totals that differ from the ledger')
  console.log(`bench/results.md: city section written (${((performance.now() - started) / 60_000).toFixed(1)} min).`)
  if (readers.length > 0 || result.drift.status !== 0) process.exitCode = 1
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
