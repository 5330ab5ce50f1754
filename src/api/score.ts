import type { Envelope } from '../core/contracts/envelope'
import type {
  AppealView,
  BeautyChart,
  LedgerPage,
  MyRequests,
  PendingWork,
  PointsImportConfirmed,
  PointsImportList,
  PointsImportPreview,
  PointsImportView,
  Ranking,
  RuleSetView,
  RuleView,
  ScoreOutputs,
  ScoreRecordView,
  SubmitInput,
  SubmitResult,
} from '../core/contracts/score'
import { callFunction } from './call-function'
import type { RosterFile } from './roster-file'

/** The published rules in force for my village (or the given village/community). */
export function rules(orgId?: string): Promise<Envelope<RuleSetView>> {
  return callFunction('score', 'rules', orgId ? { orgId } : {})
}

/** One inspection: one rule for several households. Reuse `requestId` when retrying. */
export function submitScore(input: SubmitInput): Promise<Envelope<SubmitResult>> {
  return callFunction('score', 'submit', input)
}

/** My household's ledger (or, for staff, a household in their scope), newest first. */
export function ledger(page: { householdId?: string; beforeId?: number; limit?: number } = {}): Promise<Envelope<LedgerPage>> {
  return callFunction('score', 'ledger', page)
}

/**
 * A village's ranking for a month ("2026-11") or a year ("2026"), as a page: its first and last
 * households (红黑榜) and the caller's own with its rank. (Staff may ask the server for every
 * household with `full: true`; no screen of the app does.)
 */
export function ranking(orgId: string, period: string): Promise<Envelope<Ranking>> {
  return callFunction('score', 'ranking', { orgId, period })
}

export function claim(input: { requestId: string; ruleId: number; note?: string; photos: string[] }): Promise<Envelope<ScoreRecordView>> {
  return callFunction('score', 'claim', input)
}

export function appeal(input: { requestId: string; entryId: number; reason: string }): Promise<Envelope<AppealView>> {
  return callFunction('score', 'appeal', input)
}

export function myRequests(): Promise<Envelope<MyRequests>> {
  return callFunction('score', 'myRequests', {})
}

export function myInspections(limit?: number): Promise<Envelope<ScoreRecordView[]>> {
  return callFunction('score', 'myInspections', limit ? { limit } : {})
}

export function pendingWork(orgId: string): Promise<Envelope<PendingWork>> {
  return callFunction('score', 'pending', { orgId })
}

export function decideScore(input: { requestId: string; recordId: number; approve: boolean; note?: string }): Promise<Envelope<ScoreRecordView>> {
  return callFunction('score', 'decide', input)
}

export function decideAppeal(input: { requestId: string; appealId: number; overturn: boolean; note?: string }): Promise<Envelope<AppealView>> {
  return callFunction('score', 'decideAppeal', input)
}

export function reverseEntry(input: { requestId: string; entryId: number; reason: string }): Promise<Envelope<ScoreOutputs['reverse']>> {
  return callFunction('score', 'reverse', input)
}

/** 发布积分细则: the full list of rules becomes the set's next version (codes name a rule across versions). */
export function publishRules(input: {
  requestId: string
  ruleSetId: string
  rules: Omit<RuleView, 'id'>[]
}): Promise<Envelope<RuleSetView>> {
  return callFunction('score', 'publishRules', input)
}

export function beautyChart(orgId: string, months?: number): Promise<Envelope<BeautyChart>> {
  return callFunction('score', 'beautyChart', months ? { orgId, months } : { orgId })
}

/** 纸质积分导入: the village's template (its households by group, a 合计 row per group). */
export function pointsImportTemplate(orgId: string): Promise<Envelope<ScoreOutputs['pointsImportTemplate']>> {
  return callFunction('score', 'pointsImportTemplate', { orgId })
}

/** Checks a filled-in sheet: every bad row and why, the totals per group beside the paper's. Writes nothing. */
export function previewPointsImport(orgId: string, asOf: string, file: RosterFile): Promise<Envelope<PointsImportPreview>> {
  return callFunction('score', 'pointsImportPreview', { orgId, asOf, file })
}

/** Keeps the previewed sheet as a draft for a second person to confirm. Reuse `requestId` when retrying. */
export function draftPointsImport(requestId: string, orgId: string, asOf: string, file: RosterFile, fileSha256: string): Promise<Envelope<PointsImportView>> {
  return callFunction('score', 'pointsImportDraft', { requestId, orgId, asOf, file, fileSha256 })
}

/** The village's drafts and confirmed imports. */
export function pointsImports(orgId: string): Promise<Envelope<PointsImportList>> {
  return callFunction('score', 'pointsImports', { orgId })
}

/** A cadre sets a draft aside before anyone confirms it. Reuse `requestId` when retrying. */
export function withdrawPointsImport(requestId: string, importId: number): Promise<Envelope<PointsImportView>> {
  return callFunction('score', 'pointsImportWithdraw', { requestId, importId })
}

/** Confirms another person's draft: its entries are written. Reuse `requestId` when retrying. */
export function confirmPointsImport(requestId: string, importId: number): Promise<Envelope<PointsImportConfirmed>> {
  return callFunction('score', 'pointsImportConfirm', { requestId, importId })
}
