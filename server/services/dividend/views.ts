import { and, eq, sql } from 'drizzle-orm'
import type { MyDividends, MyDividendYear, RunDetail, RunLineView, RunList } from '../../../src/core/contracts/dividend'
import { explainLine } from '../../../src/core/dividend/explain-line'
import { describeMethod } from '../../../src/core/dividend/incentive-methods'
import { AppError } from '../../../src/core/errors'
import { maskName } from '../../../src/core/mask'
import type { Db } from '../../store/database'
import { selectRunLines, selectRunSummaries, selectRunSummary } from '../../store/dividend-store'
import { householdById, selectHouseholdViews } from '../../store/household-views'
import { dividendLines, dividendRuns } from '../../store/schema'
import { loadCaller, type Caller } from '../shared/caller'
import { householdVillageId, loadVillage, mayRunDividend, type Village } from './access'

/**
 * The cooperative's runs: its accountant and cadres see drafts and published runs; a household of
 * the village sees the published ones (公示); anyone else is refused.
 */
export async function listRuns(db: Db, openid: string, input: { orgId: string }): Promise<RunList> {
  const caller = await loadCaller(db, openid)
  const village = await loadVillage(db, input.orgId)
  const canRun = await viewerRole(db, caller, village)
  const runs = await selectRunSummaries(
    db,
    and(eq(dividendRuns.villageId, village.id), canRun ? undefined : eq(dividendRuns.status, 'published')),
  )
  return { village: { id: village.id, name: village.name, kind: 'village' }, canRun, runs }
}

/** One run with every household's line: staff see names in full; households see others' names masked. */
export async function runDetail(db: Db, openid: string, input: { runId: number }): Promise<RunDetail> {
  const caller = await loadCaller(db, openid)
  const run = await selectRunSummary(db, input.runId)
  if (!run) throw new AppError('NOT_FOUND', '没有找到这份分红方案')
  const canRun = await viewerRole(db, caller, await loadVillage(db, run.village.id))
  if (!canRun && run.status !== 'published') throw new AppError('NOT_FOUND', '这份分红方案还没有公示')
  const lines = (await selectRunLines(db, run.id)).map((line) => lineView(line, caller, canRun))
  return { run, rules: describeMethod(run.method), namesMasked: !canRun, lines }
}

/** 我家的分红: for each year with a published list, the household's current line explained in words. */
export async function myDividends(db: Db, openid: string): Promise<MyDividends> {
  const caller = await loadCaller(db, openid)
  const [household] = caller.householdId ? await selectHouseholdViews(db, householdById(caller.householdId)) : []
  if (!household) throw new AppError('NOT_FOUND', '您的微信还没有绑定农户，绑定后才能看我家的分红')
  const runs = await selectRunSummaries(
    db,
    and(
      eq(dividendRuns.villageId, household.village.id),
      eq(dividendRuns.status, 'published'),
      sql`not exists (select 1 from dividend_runs later where later.supersedes_run_id = ${dividendRuns.id})`,
    ),
  )
  const years: MyDividendYear[] = []
  for (const run of runs) {
    const [line] = await db
      .select()
      .from(dividendLines)
      .where(and(eq(dividendLines.runId, run.id), eq(dividendLines.householdId, household.id)))
    if (!line) continue
    years.push({ run, line: lineView(line, caller, false), explanation: explainLine(run, line), rules: describeMethod(run.method) })
  }
  return {
    household: { id: household.id, name: household.name, houseNo: household.houseNo, village: household.village },
    years,
  }
}

/** True for the cooperative's staff; false for a household of the village; anyone else is refused. */
async function viewerRole(db: Db, caller: Caller, village: Village): Promise<boolean> {
  if (mayRunDividend(caller, village)) return true
  if ((await householdVillageId(db, caller)) === village.id) return false
  throw new AppError('FORBIDDEN', '您只能看自己村的分红公示')
}

type StoredLine = typeof dividendLines.$inferSelect

function lineView(line: StoredLine, caller: Caller, fullNames: boolean): RunLineView {
  const mine = line.householdId === caller.householdId
  const open = fullNames || mine
  return {
    householdId: line.householdId,
    name: open ? line.headName : maskName(line.headName),
    houseNo: open ? line.houseNo : null,
    shares: line.shares,
    points: line.points,
    basicFen: line.basicFen,
    incentiveFen: line.incentiveFen,
    totalFen: line.totalFen,
    pointsOrigin: line.pointsOrigin.map(({ orgName, points }) => ({ orgName, points })),
    mine,
  }
}

