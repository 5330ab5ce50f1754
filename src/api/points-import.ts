import type { Envelope } from '../core/contracts/envelope'
import type {
  PointsImportConfirmed,
  PointsImportList,
  PointsImportPreview,
  PointsImportView,
  ScoreOutputs,
} from '../core/contracts/score'
import { callFunction } from './call-function'
import type { RosterFile } from './roster-file'

// 纸质记录结转 (the score cloud function): the template, preview, draft, list, withdrawal and confirmation.

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
