import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { RunSummary } from '../../src/core/contracts/dividend'
import type { DividendComputation } from '../../src/core/dividend/dividend-run'
import { methodLabel } from '../../src/core/dividend/incentive-methods'
import type { Db } from './database'
import type { PointsImportRow } from '../../src/core/points-import'
import { dividendLines, dividendRuns, householdRulePoints, households, orgs, pointsImports, users, type PointsOrigin } from './schema'

/** A household of the cooperative with its year's earned points and where they came from. */
export type YearHousehold = {
  householdId: string
  headName: string
  houseNo: string
  shares: number
  points: number
  pointsOrigin: PointsOrigin[]
}

/**
 * Every household whose shares this cooperative holds (relocated ones included: their points
 * count here wherever they were scored) with the points earned in the Asia/Shanghai year. Never a
 * merchant: a dividend is a cooperative's, paid by shares and households' points only.
 */
export async function selectYearHouseholds(db: Db, villageId: string, year: number): Promise<YearHousehold[]> {
  const members = await db
    .select({ householdId: households.id, headName: households.headName, houseNo: households.houseNo, shares: households.shares })
    .from(households)
    .where(shareholdersOf(villageId))
    .orderBy(asc(households.id))
  // Earned points per household and scoring organisation: the kept totals, never the ledger itself.
  const scorer = alias(orgs, 'scorer')
  const net = sql<number>`sum(${householdRulePoints.given} - ${householdRulePoints.deducted} + ${householdRulePoints.corrected} + ${householdRulePoints.restored})::int`
  const earned = await db
    .select({ householdId: householdRulePoints.householdId, scorerOrgId: scorer.id, scorerName: scorer.name, points: net })
    .from(households)
    .innerJoin(householdRulePoints, and(eq(householdRulePoints.householdId, households.id), eq(householdRulePoints.period, String(year))))
    .leftJoin(scorer, eq(scorer.id, householdRulePoints.scorerOrgId))
    .where(shareholdersOf(villageId))
    .groupBy(householdRulePoints.householdId, scorer.id, scorer.name)
    .orderBy(asc(householdRulePoints.householdId), asc(scorer.name))
  const byId = new Map<string, YearHousehold>(members.map((m) => [m.householdId, { ...m, points: 0, pointsOrigin: [] }]))
  for (const row of earned) {
    const household = byId.get(row.householdId)!
    household.points += row.points
    if (row.points !== 0) household.pointsOrigin.push({ orgId: row.scorerOrgId, orgName: row.scorerName ?? '未注明评分单位', points: row.points })
  }
  // Points carried in from the village's paper ledger are named apart from the village's own scores
  // (both were entered under the village); the origins still add up to the household's points.
  for (const [householdId, paper] of await paperPointsOfYear(db, villageId, year)) {
    const household = byId.get(householdId)
    const own = household?.pointsOrigin.find((o) => o.orgId === villageId)
    if (!household || !own || paper === 0) continue
    own.points -= paper
    household.pointsOrigin = [...household.pointsOrigin.filter((o) => o !== own || o.points !== 0), { orgId: null, orgName: PAPER_ORIGIN, points: paper }]
  }
  return [...byId.values()]
}

/** How a dividend line names the points a confirmed 纸质积分导入 carried in. */
export const PAPER_ORIGIN = '纸质台账结转'

/**
 * Each household's points of `year` as the village's confirmed paper imports carried them in: this
 * year's by category when the stated date falls in `year`, last year's when it falls in the next.
 */
async function paperPointsOfYear(db: Db, villageId: string, year: number): Promise<Map<string, number>> {
  const imports = await db
    .select({ asOf: pointsImports.asOf, rows: pointsImports.rows })
    .from(pointsImports)
    .where(and(eq(pointsImports.villageId, villageId), eq(pointsImports.status, 'confirmed')))
  const points = new Map<string, number>()
  for (const { asOf, rows } of imports) {
    const stated = Number(asOf.slice(0, 4))
    for (const row of rows as PointsImportRow[]) {
      const paper = stated === year ? Object.values(row.thisYear).reduce((a, b) => a + (b ?? 0), 0) : stated === year + 1 ? row.lastYear : 0
      points.set(row.householdId, (points.get(row.householdId) ?? 0) + paper)
    }
  }
  return points
}

export type NewRun = {
  villageId: string
  year: number
  computation: DividendComputation
  households: readonly YearHousehold[]
  createdBy: string
  /** When the draft was saved (the database's clock when left out). */
  createdAt?: Date
}

const LINES_PER_INSERT = 500

/** Writes a draft run and its lines (in a few multi-row inserts); returns the run id. */
export async function insertDraftRun(tx: Db, run: NewRun): Promise<number> {
  const { computation } = run
  const [written] = await tx
    .insert(dividendRuns)
    .values({
      villageId: run.villageId,
      year: run.year,
      status: 'draft',
      totalFen: computation.totalFen,
      basicFen: computation.basicFen,
      incentiveFen: computation.incentiveFen,
      method: computation.method,
      totalShares: computation.totalShares,
      totalWeight: computation.totalWeight,
      householdCount: computation.lines.length,
      createdBy: run.createdBy,
      createdAt: run.createdAt,
    })
    .returning({ id: dividendRuns.id })
  const householdsById = new Map(run.households.map((h) => [h.householdId, h]))
  const lines = computation.lines.map((line) => {
    const household = householdsById.get(line.householdId)!
    return {
      runId: written.id,
      householdId: line.householdId,
      headName: household.headName,
      houseNo: household.houseNo,
      shares: line.shares,
      points: line.points,
      weight: line.weight,
      basicFen: line.basicFen,
      incentiveFen: line.incentiveFen,
      totalFen: line.totalFen,
      pointsOrigin: household.pointsOrigin,
    }
  })
  for (let i = 0; i < lines.length; i += LINES_PER_INSERT) {
    await tx.insert(dividendLines).values(lines.slice(i, i + LINES_PER_INSERT))
  }
  return written.id
}

/** Serialises run changes for one cooperative and year (drafts replaced, publications chained). */
export async function lockRunYear(tx: Db, villageId: string, year: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`dividend:${villageId}:${year}`}))`)
}

const village = alias(orgs, 'village')
const creator = alias(users, 'creator')
const successor = alias(dividendRuns, 'successor')

/** Runs with what a summary shows, newest first. */
export async function selectRunSummaries(db: Db, where: SQL | undefined): Promise<RunSummary[]> {
  const rows = await db
    .select({
      run: dividendRuns,
      villageName: village.name,
      villageSettings: village.settings,
      createdByName: creator.displayName,
      supersededByRunId: successor.id,
    })
    .from(dividendRuns)
    .innerJoin(village, eq(village.id, dividendRuns.villageId))
    .innerJoin(creator, eq(creator.openid, dividendRuns.createdBy))
    .leftJoin(successor, eq(successor.supersedesRunId, dividendRuns.id))
    .where(where)
    .orderBy(desc(dividendRuns.year), desc(dividendRuns.id))
  return rows.map(({ run, villageName, villageSettings, createdByName, supersededByRunId }) => ({
    id: run.id,
    village: { id: run.villageId, name: villageName, kind: 'village' },
    cooperative: cooperativeName(villageName, villageSettings),
    year: run.year,
    status: run.status as RunSummary['status'],
    supersededByRunId: supersededByRunId ?? null,
    supersedesRunId: run.supersedesRunId,
    correctionNote: run.correctionNote,
    totalFen: run.totalFen,
    basicFen: run.basicFen,
    incentiveFen: run.incentiveFen,
    method: run.method,
    methodLabel: methodLabel(run.method),
    totalShares: run.totalShares,
    totalWeight: run.totalWeight,
    householdCount: run.householdCount,
    createdAt: run.createdAt.toISOString(),
    createdByName,
    publishedAt: run.publishedAt?.toISOString() ?? null,
  }))
}

export async function selectRunSummary(db: Db, runId: number): Promise<RunSummary | null> {
  const [summary] = await selectRunSummaries(db, eq(dividendRuns.id, runId))
  return summary ?? null
}

/** The published run of a cooperative's year that no later run corrects, if there is one. */
export async function selectCurrentPublished(db: Db, villageId: string, year: number) {
  const [current] = await db
    .select({ id: dividendRuns.id })
    .from(dividendRuns)
    .where(
      and(
        eq(dividendRuns.villageId, villageId),
        eq(dividendRuns.year, year),
        eq(dividendRuns.status, 'published'),
        sql`not exists (select 1 from dividend_runs later where later.supersedes_run_id = ${dividendRuns.id})`,
      ),
    )
  return current ?? null
}

export function selectRunLines(db: Db, runId: number) {
  return db.select().from(dividendLines).where(eq(dividendLines.runId, runId)).orderBy(asc(dividendLines.houseNo), asc(dividendLines.householdId))
}

function cooperativeName(villageName: string, settings: unknown): string {
  const named = (settings as { cooperative?: unknown } | null)?.cooperative
  return typeof named === 'string' && named.length > 0 ? named : `${villageName}股份经济合作社`
}

/** The households of a cooperative: its members of kind 'household' (an alliance's merchants never). */
function shareholdersOf(villageId: string) {
  return and(eq(households.villageId, villageId), eq(households.memberKind, 'household'))
}
