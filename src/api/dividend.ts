import type {
  DividendExport,
  DividendPreview,
  MyDividends,
  RunDetail,
  RunList,
  RunSummary,
} from '../core/contracts/dividend'
import type { Envelope } from '../core/contracts/envelope'
import type { IncentiveMethod } from '../core/dividend/incentive-methods'
import { callFunction } from './call-function'

/** The year's pool as the accountant enters it: the incentive as an amount in fen or as a ratio ("1/6"). */
export type DividendSettings = {
  orgId: string
  year: number
  totalFen: number
  method: IncentiveMethod
} & ({ incentiveFen: number } | { incentiveRatio: string })

/** 试算: every household's line, nothing saved. */
export function previewDividend(settings: DividendSettings): Promise<Envelope<DividendPreview>> {
  return callFunction('dividend', 'preview', settings)
}

/** 保存草稿 (replaces the year's earlier draft). */
export function saveDividendDraft(requestId: string, settings: DividendSettings): Promise<Envelope<RunSummary>> {
  return callFunction('dividend', 'saveDraft', { requestId, ...settings })
}

/** 公示 a reviewed draft; a correction of a published year needs a reason. */
export function publishDividendRun(requestId: string, runId: number, correctionNote?: string): Promise<Envelope<RunSummary>> {
  return callFunction('dividend', 'publish', correctionNote ? { requestId, runId, correctionNote } : { requestId, runId })
}

export function listDividendRuns(orgId: string): Promise<Envelope<RunList>> {
  return callFunction('dividend', 'runs', { orgId })
}

export function getDividendRun(runId: number): Promise<Envelope<RunDetail>> {
  return callFunction('dividend', 'run', { runId })
}

/** 我家的分红: the household's line of each published year, explained in words. */
export function myDividends(): Promise<Envelope<MyDividends>> {
  return callFunction('dividend', 'mine', {})
}

export function exportDividendRun(runId: number, format: 'xlsx' | 'csv'): Promise<Envelope<DividendExport>> {
  return callFunction('dividend', 'exportRun', { runId, format })
}
