import { z } from 'zod'
import { recordIdSchema } from './record-id'
import type { DividendLine } from '../dividend/dividend-run'
import { MAX_TIER_PERCENT, MAX_TIERS, tierProblem, type IncentiveMethod } from '../dividend/incentive-methods'
import type { OrgRef } from './account'
import { requestIdSchema } from './request-id'

const tierSchema = z.object({
  fromPoints: z.number().int().min(1).max(1_000_000),
  percent: z.number().int().min(0).max(MAX_TIER_PERCENT),
})

/** 'proportional', { kind: 'proportional' } or { kind: 'tiered', tiers: [{ fromPoints, percent }, …] }. */
export const incentiveMethodSchema = z.union([
  z.literal('proportional').transform((): IncentiveMethod => ({ kind: 'proportional' })),
  z.object({ kind: z.literal('proportional') }),
  z
    .object({ kind: z.literal('tiered'), tiers: z.array(tierSchema).min(1).max(MAX_TIERS) })
    .superRefine((method, ctx) => {
      const problem = tierProblem(method.tiers)
      if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['tiers'] })
    }),
])

/** Up to 100亿元: far above any village, far below where fen stop being exact integers. */
const MAX_POOL_FEN = 1_000_000_000_000

/** The year's pool and how it is split: the incentive as an amount in fen or as a ratio of the total. */
const runSettings = {
  orgId: z.string().min(1).max(64),
  year: z.number().int().min(2000).max(2100),
  totalFen: z.number().int().min(1, '分红总额要大于0').max(MAX_POOL_FEN),
  incentiveFen: z.number().int().min(0).max(MAX_POOL_FEN).optional(),
  /** A number from 0 to 1 (0.2), or text: "1/6", "0.2", "20%". */
  incentiveRatio: z.union([z.number().min(0).max(1), z.string().trim().min(1).max(20)]).optional(),
  method: incentiveMethodSchema,
}

const oneSplit = (input: { totalFen: number; incentiveFen?: number; incentiveRatio?: unknown }) =>
  (input.incentiveFen === undefined) !== (input.incentiveRatio === undefined)
const oneSplitMessage = { message: '请填写积分激励的金额或比例（二选一）', path: ['incentiveFen'] }
const runId = recordIdSchema

/** Inputs of the `dividend` cloud function. The front end imports these as types only. */
export const dividendInputs = {
  preview: z.object(runSettings).refine(oneSplit, oneSplitMessage),
  saveDraft: z.object({ requestId: requestIdSchema, ...runSettings }).refine(oneSplit, oneSplitMessage),
  publish: z.object({
    requestId: requestIdSchema,
    runId,
    /** Required when the year was published before: why the list is corrected. */
    correctionNote: z.string().trim().max(200, '更正原因最多 200 个字').optional(),
  }),
  runs: z.object({ orgId: z.string().min(1).max(64) }),
  run: z.object({ runId }),
  mine: z.object({}),
  exportRun: z.object({ runId, format: z.enum(['xlsx', 'csv']) }),
}

/** What `preview` answers: both pools and every household's line, nothing saved. */
export type DividendPreview = { basicFen: number; incentiveFen: number; lines: DividendLine[] }

export type RunStatus = 'draft' | 'published'

export type RunSummary = {
  id: number
  village: OrgRef
  cooperative: string
  year: number
  status: RunStatus
  /** A later published run corrects this one. */
  supersededByRunId: number | null
  supersedesRunId: number | null
  correctionNote: string
  totalFen: number
  basicFen: number
  incentiveFen: number
  method: IncentiveMethod
  methodLabel: string
  totalShares: number
  totalWeight: number
  householdCount: number
  createdAt: string
  createdByName: string
  publishedAt: string | null
}

/** Where a household's year's points came from (村社联动: its community may have scored it). */
export type PointsOriginView = { orgName: string; points: number }

export type RunLineView = {
  householdId: string
  /** Full for staff and for the household itself; masked ('张**') on other households' screens. */
  name: string
  /** 门牌, shown to staff and to the household itself only. */
  houseNo: string | null
  shares: number
  points: number
  basicFen: number
  incentiveFen: number
  totalFen: number
  pointsOrigin: PointsOriginView[]
  mine: boolean
}

export type RunList = { village: OrgRef; canRun: boolean; runs: RunSummary[] }

export type RunDetail = {
  run: RunSummary
  /** The rules of the method in plain words. */
  rules: string[]
  namesMasked: boolean
  lines: RunLineView[]
}

export type LineExplanation = { basic: string; incentive: string; total: string }

export type MyDividendYear = { run: RunSummary; line: RunLineView; explanation: LineExplanation; rules: string[] }

/** A villager's own dividends: one entry per year with a published run, newest first. */
export type MyDividends = { household: { id: string; name: string; houseNo: string; village: OrgRef }; years: MyDividendYear[] }

/** A file for the cooperative's books or the bank: base64 content the page saves or offers. */
export type DividendExport = { fileName: string; mimeType: string; base64: string }

export type DividendOutputs = {
  preview: DividendPreview
  saveDraft: RunSummary
  publish: RunSummary
  runs: RunList
  run: RunDetail
  mine: MyDividends
  exportRun: DividendExport
}
