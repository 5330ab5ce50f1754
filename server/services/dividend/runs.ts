import { and, eq } from 'drizzle-orm'
import type { DividendPreview, RunSummary } from '../../../src/core/contracts/dividend'
import { computeDividend, incentiveFromRatio, parseRatio } from '../../../src/core/dividend/dividend-run'
import type { IncentiveMethod } from '../../../src/core/dividend/incentive-methods'
import { AppError } from '../../../src/core/errors'
import type { Db } from '../../store/database'
import { insertDraftRun, lockRunYear, selectCurrentPublished, selectRunSummary, selectYearHouseholds } from '../../store/dividend-store'
import { dividendRuns } from '../../store/schema'
import { loadCaller } from '../shared/caller'
import { loadVillage, requireDividendRunner } from './access'

/** The year's pool as the accountant enters it. */
export type RunSettings = {
  orgId: string
  year: number
  totalFen: number
  incentiveFen?: number
  incentiveRatio?: number | string
  method: IncentiveMethod
}

/** 试算: the run computed from the ledger as it is now, nothing saved. */
export async function previewDividend(db: Db, openid: string, settings: RunSettings): Promise<DividendPreview> {
  const caller = await loadCaller(db, openid)
  const village = await loadVillage(db, settings.orgId)
  requireDividendRunner(caller, village)
  const { computation } = await computeRun(db, village.id, settings)
  return {
    basicFen: computation.basicFen,
    incentiveFen: computation.incentiveFen,
    lines: computation.lines.map(({ householdId, shares, points, basicFen, incentiveFen, totalFen }) => ({
      householdId,
      shares,
      points,
      basicFen,
      incentiveFen,
      totalFen,
    })),
  }
}

/** 保存草稿: computes the run and keeps it for review, replacing the year's earlier draft. */
export async function saveDraft(db: Db, openid: string, settings: RunSettings, at = new Date()): Promise<RunSummary> {
  const caller = await loadCaller(db, openid)
  const village = await loadVillage(db, settings.orgId)
  requireDividendRunner(caller, village)
  await lockRunYear(db, village.id, settings.year)
  const { computation, households } = await computeRun(db, village.id, settings)
  await db
    .delete(dividendRuns)
    .where(and(eq(dividendRuns.villageId, village.id), eq(dividendRuns.year, settings.year), eq(dividendRuns.status, 'draft')))
  const runId = await insertDraftRun(db, { villageId: village.id, year: settings.year, computation, households, createdBy: openid, createdAt: at })
  return (await selectRunSummary(db, runId))!
}

/**
 * 公示: the reviewed draft becomes the published list, never to change again. When the year was
 * published before, this is a correction: it names the run it supersedes and says why.
 */
export async function publishRun(db: Db, openid: string, input: { runId: number; correctionNote?: string }, at = new Date()): Promise<RunSummary> {
  const caller = await loadCaller(db, openid)
  const [run] = await db.select().from(dividendRuns).where(eq(dividendRuns.id, input.runId))
  if (!run) throw new AppError('NOT_FOUND', '没有找到这份分红方案')
  requireDividendRunner(caller, await loadVillage(db, run.villageId))
  await lockRunYear(db, run.villageId, run.year)
  const [fresh] = await db.select({ status: dividendRuns.status }).from(dividendRuns).where(eq(dividendRuns.id, run.id))
  if (!fresh) throw new AppError('NOT_FOUND', '这份草稿已经被新的草稿替换了，请刷新')
  if (fresh.status === 'published') throw new AppError('DIVIDEND_PUBLISHED')
  const current = await selectCurrentPublished(db, run.villageId, run.year)
  const note = input.correctionNote?.trim() ?? ''
  if (current && note.length < 2) {
    throw new AppError('INVALID_INPUT', `${run.year}年的分红已经公示过，这次是更正：请写明更正的原因`)
  }
  await db
    .update(dividendRuns)
    .set({
      status: 'published',
      publishedAt: at,
      publishedBy: openid,
      supersedesRunId: current?.id ?? null,
      correctionNote: current ? note : '',
    })
    .where(eq(dividendRuns.id, run.id))
  return (await selectRunSummary(db, run.id))!
}

async function computeRun(db: Db, villageId: string, settings: RunSettings) {
  const incentiveFen = incentiveOf(settings)
  const households = await selectYearHouseholds(db, villageId, settings.year)
  const planned = computeDividend({ totalFen: settings.totalFen, incentiveFen, method: settings.method, households })
  if (!planned.ok) throw new AppError('DIVIDEND_NOT_SHARABLE', planned.problem)
  return { computation: planned.run, households }
}

/** The incentive pool in fen: given as an amount, or as a ratio of the total (nearest fen). */
function incentiveOf(settings: RunSettings): number {
  const { totalFen, incentiveFen, incentiveRatio } = settings
  if (incentiveFen !== undefined) {
    if (incentiveFen > totalFen) throw new AppError('INVALID_INPUT', '积分激励不能超过分红总额')
    return incentiveFen
  }
  if (typeof incentiveRatio === 'number') return Math.round(totalFen * incentiveRatio)
  const ratio = parseRatio(incentiveRatio ?? '')
  if (!ratio) throw new AppError('INVALID_INPUT', '积分激励的比例看不懂，请写成 1/6、0.2 或 20% 这样，且不超过全部')
  return incentiveFromRatio(totalFen, ratio.numerator, ratio.denominator)
}
