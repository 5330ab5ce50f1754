import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import fc from 'fast-check'
import { periodsOf } from '../../../src/core/period'
import { cloudFunctions } from '../../functions'
import { functionCaller } from '../../test-support/function-caller'
import { rawRows, type Database } from '../../store/database'
import { findDrift } from '../../store/kept-totals'
import { appendLedgerEntries } from '../../store/ledger'
import { openDemoTestDatabase, ruleIdsByCode } from '../../test-support/test-database'

jest.setTimeout(300_000)

/**
 * The totals kept per unit (unit_points) follow the households through every way the org tree
 * changes under them: a household moved to another micro-grid (or none), into a community or back
 * home, a micro-grid hung under another grid by 组织架构导入, a unit retired once emptied. After any
 * sequence of these among scores, every kept total still equals its recomputation from the entries.
 */
let database: Database
let ruleIds: number[]

beforeAll(async () => {
  database = await openDemoTestDatabase()
  ruleIds = Object.values(await ruleIdsByCode(database.db, 'rs-zjq'))
})
afterAll(async () => {
  await database.close()
})

const call = functionCaller(cloudFunctions, () => database.db).ok<any>

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await database.db.execute(query)) as unknown as { rows: T[] }).rows
}

/** Every drift of every kept total: none, when the totals follow the ledger. */
async function drifts() {
  return (await findDrift(rawRows(database.db))).flatMap((total) => total.drifts.map((d) => ({ total: total.name, ...d })))
}

/** 赵家桥村's cadre moves a household to a micro-grid (or none), as the roster's edit page does. */
async function moveToMicroGrid(householdId: string, microGridId: string | null) {
  const [h] = await rows<{ headName: string; houseNo: string; shares: number; groupId: string | null; memberNames: string[] }>(sql`
    select head_name as "headName", house_no as "houseNo", shares, group_id as "groupId", member_names as "memberNames"
      from households where id = ${householdId}`)
  await call('demo-cadre', 'account', { action: 'updateHousehold', requestId: randomUUID(), householdId, ...h, microGridId })
}

/** 组织架构导入 of one row: the micro-grid hangs under the named grid from now on. */
async function hangMicroGrid(microGridName: string, gridName: string) {
  const csv = `类型,名称,所属网格\n微网格,${microGridName},${gridName}\n`
  const file = { fileName: '组织架构.csv', contentBase64: Buffer.from(csv, 'utf8').toString('base64') }
  const preview = await call('demo-cadre', 'org', { action: 'treePreview', orgId: 'v-zjq', file })
  await call('demo-cadre', 'org', { action: 'treeImport', requestId: randomUUID(), orgId: 'v-zjq', file, digest: preview.digest })
}

/** A WeChat user bound to the household, as an invitation's code binds one (the rows only: the count follows the rows). */
async function bindMember(householdId: string) {
  const openid = `unit-totals-${randomUUID()}`
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`insert into users (openid, display_name) values (${openid}, '家人')`)
    await tx.execute(sql`insert into household_members (household_id, openid) values (${householdId}, ${openid})`)
  })
}

/** The household's earliest bound user unbound (none: nothing happens). */
async function unbindMember(householdId: string) {
  await database.db.execute(sql`
    update household_members set unbound_at = now()
     where id = (select min(id) from household_members where household_id = ${householdId} and unbound_at is null)`)
}

const HOUSEHOLDS = ['h-zjq-05', 'h-zjq-12', 'h-zjq-20', 'h-zjq-29']
const MICRO_GRIDS = [
  { id: 'mg-zjq-1-1', name: '第一网格1号微网格' },
  { id: 'mg-zjq-1-2', name: '第一网格2号微网格' },
  { id: 'mg-zjq-2-1', name: '第二网格1号微网格' },
  null,
]
const GRIDS = ['第一网格', '第二网格']

it('When scores, household moves, community changes, micro-grids hung under another grid, binds and unbinds come in any order, then every unit total and roster count equals its recomputation', async () => {
  const step = fc.oneof(
    fc.record({
      kind: fc.constant('score' as const),
      households: fc.subarray(HOUSEHOLDS, { minLength: 1 }),
      rule: fc.nat(),
      points: fc.integer({ min: -10, max: 10 }).filter((p) => p !== 0),
      monthsAgo: fc.integer({ min: 0, max: 13 }),
    }),
    fc.record({ kind: fc.constant('move' as const), household: fc.constantFrom(...HOUSEHOLDS), to: fc.constantFrom(...MICRO_GRIDS) }),
    fc.record({ kind: fc.constant('community' as const), household: fc.constantFrom(...HOUSEHOLDS), joins: fc.boolean() }),
    fc.record({ kind: fc.constant('hang' as const), microGrid: fc.constantFrom(...MICRO_GRIDS.filter((m) => m !== null)), grid: fc.constantFrom(...GRIDS) }),
    fc.record({ kind: fc.constant('bind' as const), household: fc.constantFrom(...HOUSEHOLDS) }),
    fc.record({ kind: fc.constant('unbind' as const), household: fc.constantFrom(...HOUSEHOLDS) }),
  )
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
      for (const s of steps) {
        if (s.kind === 'score') {
          const at = new Date(Date.now() - s.monthsAgo * 30 * 24 * 3600 * 1000)
          const ruleId = ruleIds[s.rule % ruleIds.length]
          await database.db.transaction((tx) =>
            appendLedgerEntries(
              tx,
              s.households.map((householdId) => ({ householdId, points: s.points, kind: 'score' as const, ruleId, scorerOrgId: 'v-zjq', note: '随机', at })),
            ),
          )
        } else if (s.kind === 'move') await moveToMicroGrid(s.household, s.to?.id ?? null)
        else if (s.kind === 'community') await call('demo-cadre', 'org', { action: 'setCommunity', requestId: randomUUID(), householdId: s.household, communityId: s.joins ? 'c-donghu' : null })
        else if (s.kind === 'hang') await hangMicroGrid(s.microGrid.name, s.grid)
        else if (s.kind === 'bind') await bindMember(s.household)
        else await unbindMember(s.household)
      }
      expect(await drifts()).toEqual([])
    }),
    { numRuns: 12 },
  )
})

it('When a micro-grid is emptied of its households and retired, then its grid and village keep their totals, it leaves the street’s view, and nothing drifts', async () => {
  await hangMicroGrid('第二网格1号微网格', '第二网格') // where the demo has it (the test above may have moved it)
  const unit = await call('demo-cadre', 'org', { action: 'addUnit', requestId: randomUUID(), parentId: 'gr-zjq-2', kind: 'micro_grid', name: '临时微网格' })
  const [rule] = ruleIds
  const { month } = periodsOf(new Date())
  await moveToMicroGrid('h-zjq-30', unit.id)
  await database.db.transaction((tx) => appendLedgerEntries(tx, [{ householdId: 'h-zjq-30', points: 7, kind: 'score', ruleId: rule, scorerOrgId: unit.id, note: '临时' }]))
  const net = async (parentId: string, unitId: string) =>
    (await call('demo-admin', 'street', { action: 'overview', orgId: parentId, period: month })).rows.find((r: any) => r.org.id === unitId)?.net
  const [gridBefore, villageBefore, microGridBefore] = [await net('v-zjq', 'gr-zjq-2'), await net('st-danghu', 'v-zjq'), await net('gr-zjq-2', 'mg-zjq-2-1')]

  await moveToMicroGrid('h-zjq-30', 'mg-zjq-2-1')
  await call('demo-cadre', 'org', { action: 'retireUnit', requestId: randomUUID(), unitId: unit.id })

  expect([await net('v-zjq', 'gr-zjq-2'), await net('st-danghu', 'v-zjq'), await net('gr-zjq-2', 'mg-zjq-2-1')]).toEqual([gridBefore, villageBefore, microGridBefore + 7])
  expect(await net('gr-zjq-2', unit.id)).toBeUndefined()
  const [left] = await rows<{ points: number }>(sql`
    select coalesce(sum(given - deducted + corrected + restored), 0)::int as points from unit_points where org_id = ${unit.id}`)
  expect(left.points).toBe(0)
  expect(await drifts()).toEqual([])
})

it('When migration 0024 meets a ledger that already has entries and households, then its backfills build unit totals and roster counts equal to the ledger and the roster recomputed', async () => {
  const migration = readFileSync(path.join(__dirname, '../../store/migrations/0024_unit_totals.sql'), 'utf8')
  // The statements that fill the new tables from what is there: the ones that are plain INSERTs.
  const backfills = migration.split('--> statement-breakpoint').filter((statement) => /^\s*(--[^\n]*\n\s*)*INSERT INTO/.test(statement))
  expect(backfills.map((b) => b.match(/INSERT INTO "(\w+)"/)![1])).toEqual(['unit_points', 'unit_roster'])
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`delete from unit_points`)
    await tx.execute(sql`delete from unit_roster`)
    for (const backfill of backfills) await tx.execute(sql.raw(backfill))
  })
  const [{ points, roster }] = await rows<{ points: number; roster: number }>(
    sql`select (select count(*) from unit_points)::int as points, (select count(*) from unit_roster)::int as roster`,
  )
  expect(points).toBeGreaterThan(0)
  expect(roster).toBeGreaterThan(0)
  expect(await drifts()).toEqual([])
})
