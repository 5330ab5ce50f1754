import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { seedDemoIfEmpty } from '../server/demo/seed'
import { openMigratedDatabase } from '../server/store/open-database'
import { DEMO_DAYS } from '../server/test-support/demo-days'

jest.setTimeout(180_000)
// The story's redemptions sign card tokens: a test key, not one written into .data/.
process.env.CARD_TOKEN_SECRET ??= randomBytes(32).toString('hex')

const ROOT = path.resolve(__dirname, '..')
// Set for each day the demo is seeded on (describe.each below runs the days one after another).
let dataDir: string

/** `npm run check:totals` on the test's data folder, as a person would run it. */
function checkTotals() {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check-totals.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', NODE_OPTIONS: '' },
  })
  return { status: run.status, out: `${run.stdout}${run.stderr}` }
}

/** Runs statements on the data folder's database directly, as a bug or a hand edit would, past the ledger. */
async function bypassTheLedger<T>(statements: ReturnType<typeof sql>[]): Promise<T[][]> {
  const database = await openMigratedDatabase({ dataDir })
  try {
    const results: T[][] = []
    for (const statement of statements) results.push(((await database.db.execute(statement)) as unknown as { rows: T[] }).rows)
    return results
  } finally {
    await database.close()
  }
}

describe.each(DEMO_DAYS)('npm run check:totals on the living demo seeded on %s', (_day, now) => {
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'check-totals-'))
    const database = await openMigratedDatabase({ dataDir })
    try {
      await seedDemoIfEmpty(database.db, { history: true, photoDir: path.join(dataDir, 'photos'), now })
    } finally {
      await database.close()
    }
  })
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  it('When it checks the living demo, then every kept total agrees with the ledger and it exits 0', () => {
    const { status, out } = checkTotals()
    expect(out).toContain('所有积分合计都与流水一致')
    expect(out).not.toContain('✗')
    expect(status).toBe(0)
  })

  it('When a balance, a month total, a place total and a unit total were changed past the ledger, then it names each household, place or unit and figure and exits 1', async () => {
    const [, [{ month }], [place], [unit]] = await bypassTheLedger<{ month: string } & Record<string, string>>([
      sql`update households set balance = balance + 7 where id = 'h-zjq-01'`,
      sql`update household_period_points set points = points - 3
           where household_id = 'h-zjq-02'
             and period = (select max(period) from household_period_points where household_id = 'h-zjq-02' and length(period) = 7)
       returning period as month`,
      sql`update place_rule_points set given = given + 2
           where ctid = (select ctid from place_rule_points where village_id = 'v-zjq' and micro_grid_id <> '' and given > 0 limit 1)
       returning period, micro_grid_id as "microGrid", rule_id as rule, scorer_org_id as scorer`,
      sql`update unit_points set deducted = deducted + 5
           where ctid = (select ctid from unit_points where org_id = 'v-zjq' and length(period) = 4 limit 1)
       returning org_id as "orgId", period, category`,
    ])

    const { status, out } = checkTotals()

    expect(status).toBe(1)
    const drifts = out.split('\n').filter((line) => line.startsWith('    户 '))
    expect(drifts).toHaveLength(3)
    // The balance drifts both from the sum of the entries and from the balance the last entry left.
    expect(drifts.filter((line) => /户 h-zjq-01  balance  记的 \d+  按流水重算 \d+/.test(line))).toHaveLength(2)
    const [monthDrift] = drifts.filter((line) => line.includes('h-zjq-02'))
    const [, kept, recomputed] = monthDrift.match(new RegExp(`户 h-zjq-02  ${month}  记的 (-?\\d+)  按流水重算 (-?\\d+)`))!
    expect(Number(recomputed) - Number(kept)).toBe(3)
    const places = out.split('\n').filter((line) => line.startsWith('    村 '))
    expect(places).toHaveLength(1)
    const figure = `${place.period} rule ${place.rule} by ${place.scorer} given`
    const [, placeKept, placeRecomputed] = places[0].match(new RegExp(`^    村 v-zjq 社区 - 微网格 ${place.microGrid}  ${figure}  记的 (\\d+)  按流水重算 (\\d+)$`))!
    expect(Number(placeKept) - Number(placeRecomputed)).toBe(2)
    const units = out.split('\n').filter((line) => line.startsWith('    单位 '))
    expect(units).toHaveLength(1)
    const [, unitKept, unitRecomputed] = units[0].match(new RegExp(`^    单位 ${unit.orgId}  ${unit.period} ${unit.category} deducted  记的 (-?\\d+)  按流水重算 (-?\\d+)$`))!
    expect(Number(unitKept) - Number(unitRecomputed)).toBe(5)
    expect(out).toContain('5 项积分合计与流水不一致')
  })
})
