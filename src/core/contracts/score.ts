import { z } from 'zod'
import type { ShownNoticeStatus } from '../rectification'
import { recordIdSchema } from './record-id'
import { requestIdSchema } from './request-id'
import { rosterFile, type OrgRef } from './account'
import type { DividendExport } from './dividend'
import type { PointsImportCheck } from '../points-import'
import type { LedgerKind } from '../ledger'
import { RULE_CATEGORIES, type RuleCategory } from '../rules'
import type { MemberKind } from '../member-kind'

/** A photo stored in cloud storage (weapp) or in the local gateway's folder (demo mode). */
export const photoIdSchema = z
  .string()
  .max(256)
  .regex(/^(cloud:\/\/[\w.\-/]+|local:\/\/[a-f0-9-]{36}\.(jpg|png|webp))$/, '照片编号不对，请重新上传照片')
const photos = z.array(photoIdSchema).max(9, '照片最多 9 张')
const note = z.string().trim().max(200, '说明最多 200 个字')
const reason = z.string().trim().min(2, '请写明理由').max(200, '理由最多 200 个字')
const id = recordIdSchema
/** "2026-11" for a month, "2026" for a year (Asia/Shanghai calendar). */
export const periodSchema = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, '时间段应为 2026 或 2026-11 这样的格式')

/** A day on the Asia/Shanghai calendar, "2026-10-31". */
const asOfSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '请选择截至日期')

const limit = z.number().int().min(1).max(100).nullable()
const ruleInput = z.object({
  code: z.string().regex(/^[a-z0-9-]{2,40}$/, '细则代码只能用小写字母、数字和 -'),
  category: z.enum(RULE_CATEGORIES),
  title: z.string().trim().min(2, '细则名称太短').max(60, '细则名称最多 60 个字'),
  points: z.number().int().min(-100).max(100).refine((p) => p !== 0, '分值不能为 0'),
  monthlyLimit: limit,
  yearlyLimit: limit,
  evidenceRequired: z.boolean(),
  restorable: z.boolean(),
  rectifyDays: z.number().int().min(1).max(90).nullable(),
  claimable: z.boolean(),
})

/** Inputs of the `score` cloud function. */
export const scoreInputs = {
  submit: z.object({
    requestId: requestIdSchema,
    householdIds: z
      .array(z.string().min(1).max(64))
      .min(1, '请至少选择一户')
      .max(50, '一次最多给 50 户评分')
      .refine((ids) => new Set(ids).size === ids.length, '同一户选了两次'),
    ruleId: id,
    note: note.optional(),
    photos: photos.optional(),
    /** When the walk was finished on the phone (UTC, ISO), when it differs from its arrival: a walk kept offline. */
    observedAt: z.iso.datetime('评分时间的格式不对，请重新入户评分').optional(),
  }),
  decide: z.object({ requestId: requestIdSchema, recordId: id, approve: z.boolean(), note: note.optional() }),
  reverse: z.object({ requestId: requestIdSchema, entryId: id, reason }),
  claim: z.object({ requestId: requestIdSchema, ruleId: id, note: note.optional(), photos: photos.min(1, '请拍一张照片作为凭证') }),
  appeal: z.object({ requestId: requestIdSchema, entryId: id, reason }),
  decideAppeal: z.object({ requestId: requestIdSchema, appealId: id, overturn: z.boolean(), note: note.optional() }),
  ledger: z.object({
    householdId: z.string().min(1).max(64).optional(),
    beforeId: id.optional(),
    limit: z.number().int().min(1).max(50).optional(),
  }),
  ranking: z.object({ orgId: z.string().min(1).max(64), period: periodSchema, full: z.boolean().optional() }),
  rules: z.object({ orgId: z.string().min(1).max(64).optional() }),
  myInspections: z.object({ limit: z.number().int().min(1).max(50).optional() }),
  myRequests: z.object({}),
  pending: z.object({ orgId: z.string().min(1).max(64) }),
  publishRules: z.object({
    requestId: requestIdSchema,
    ruleSetId: z.string().min(1).max(64),
    rules: z
      .array(ruleInput)
      .min(1, '至少要有一条细则')
      .max(200)
      .refine((rules) => new Set(rules.map((r) => r.code)).size === rules.length, '细则代码重复了'),
  }),
  beautyChart: z.object({ orgId: z.string().min(1).max(64), months: z.number().int().min(1).max(12).optional() }),
  /** A village's paper 善治积分 moving in: the template, a preview, a draft, the drafts, and a second person's confirmation. */
  pointsImportTemplate: z.object({ orgId: z.string().min(1).max(64) }),
  pointsImportPreview: z.object({ orgId: z.string().min(1).max(64), asOf: asOfSchema, file: rosterFile }),
  pointsImportDraft: z.object({
    requestId: requestIdSchema,
    orgId: z.string().min(1).max(64),
    asOf: asOfSchema,
    file: rosterFile,
    fileSha256: z.string().regex(/^[a-f0-9]{64}$/, '请先预览文件'),
  }),
  pointsImports: z.object({ orgId: z.string().min(1).max(64) }),
  pointsImportConfirm: z.object({ requestId: requestIdSchema, importId: id }),
  pointsImportWithdraw: z.object({ requestId: requestIdSchema, importId: id }),
}

/** What one inspection walk sends (see scoreInputs.submit). */
export type SubmitInput = z.input<typeof scoreInputs.submit>

export type RuleView = {
  id: number
  code: string
  category: RuleCategory
  title: string
  points: number
  monthlyLimit: number | null
  yearlyLimit: number | null
  evidenceRequired: boolean
  restorable: boolean
  claimable: boolean
  rectifyDays: number | null
}
/** A rule set in force; `memberKind` tells which categories it may use (a village's households or an alliance's merchants). */
export type RuleSetView = { id: string; name: string; memberKind: MemberKind; version: number; publishedAt: string; rules: RuleView[] }

export type SubmitResult = {
  requestId: string
  rule: { id: number; title: string; points: number }
  results: {
    householdId: string
    name: string
    status: 'applied' | 'pending'
    recordId: number
    entryId: number | null
    balance: number
  }[]
}

export type RecordStatus = 'pending' | 'applied' | 'rejected'
export type AppealStatus = 'pending' | 'upheld' | 'overturned'

export type LedgerLine = {
  id: number
  kind: LedgerKind
  kindLabel: string
  points: number
  balanceAfter: number
  createdAt: string
  note: string
  rule: { id: number; title: string; category: RuleCategory; version: number } | null
  scorer: { name: string; org: OrgRef | null } | null
  photos: string[]
  photosInCheck: number
  photoNote: string | null
  reversedBy: number | null
  reverses: number | null
  appeal: { id: number; status: AppealStatus } | null
  /** The rectification notice a deduction opened: its proof gives the points back. */
  notice: { id: number; status: ShownNoticeStatus } | null
}
export type LedgerPage = {
  householdId: string
  householdName: string
  balance: number
  /** Points earned this Asia/Shanghai month (scores, corrections, restorations). */
  thisMonth: number
  lines: LedgerLine[]
  nextBeforeId: number | null
}

export type RankingRow = { rank: number; householdId: string; maskedName: string; group: string | null; points: number; mine: boolean }
/**
 * A ranking as a phone gets it: how many households it has, the first and the last RANKING_PAGE
 * (the last never repeating one of the first), and the caller's own household's row wherever it
 * ranks (null when the caller has none there). `all` is every household, only for staff who asked.
 */
export type Ranking = {
  org: OrgRef
  period: string
  households: number
  top: RankingRow[]
  bottom: RankingRow[]
  mine: RankingRow | null
  all: RankingRow[] | null
}

export type ScoreRecordView = {
  id: number
  householdId: string
  householdName: string
  houseNo: string
  rule: { id: number; title: string; points: number }
  points: number
  source: 'inspection' | 'claim'
  status: RecordStatus
  note: string
  /** The photos this viewer may see; `photosInCheck` of them read 照片审核中 (WeChat's image check). */
  photos: string[]
  photosInCheck: number
  photoNote: string | null
  submittedBy: string
  /** When the scorer saw it (a walk kept offline is observed before it is recorded, createdAt). */
  observedAt: string
  createdAt: string
  decisionNote: string
}
export type AppealView = {
  id: number
  householdId: string
  householdName: string
  entryId: number
  points: number
  ruleTitle: string | null
  reason: string
  status: AppealStatus
  decisionNote: string
  createdAt: string
}
export type MyRequests = { claims: ScoreRecordView[]; appeals: AppealView[] }
export type PendingWork = { records: ScoreRecordView[]; appeals: AppealView[] }
/**
 * 美丽积分图: a micro-grid's (or a unit's with no micro-grids) households, each with its earned points
 * per month; or a village's, community's or grid's micro-grids, each with its households' points per month.
 */
export type BeautyChart = {
  org: OrgRef
  months: string[]
  households: { householdId: string; name: string; houseNo: string; monthly: number[] }[]
  microGrids: { org: OrgRef; households: number; monthly: number[] }[]
}

/** What a points import's preview shows: every good row, every bad row and why, and the totals per group beside the paper's. */
export type PointsImportPreview = PointsImportCheck & {
  village: OrgRef
  asOf: string
  fileName: string
  /** The file's sha256: the draft must be of the very file previewed. */
  fileSha256: string
}
export type PointsImportStatus = 'draft' | 'confirmed' | 'withdrawn'
/** A drafted (or confirmed) import, as the second person checks it. */
export type PointsImportView = Omit<PointsImportPreview, 'problems' | 'unfilled'> & {
  id: number
  status: PointsImportStatus
  draftedBy: string
  draftedAt: string
  confirmedBy: string | null
  confirmedAt: string | null
  /** The caller may confirm it: a draft, another person's, and the caller an accountant or cadre of the village. */
  mayConfirm: boolean
}
/** A village's imports, newest first; `mayDraft`: the caller may draft one (a cadre of the village). */
export type PointsImportList = { village: OrgRef; mayDraft: boolean; imports: PointsImportView[] }
export type PointsImportConfirmed = { import: PointsImportView; households: number; entries: number }

export type ScoreOutputs = {
  submit: SubmitResult
  decide: ScoreRecordView
  reverse: { entryId: number; reversedEntryId: number; balance: number }
  claim: ScoreRecordView
  appeal: AppealView
  decideAppeal: AppealView
  ledger: LedgerPage
  ranking: Ranking
  rules: RuleSetView
  publishRules: RuleSetView
  myInspections: ScoreRecordView[]
  myRequests: MyRequests
  pending: PendingWork
  beautyChart: BeautyChart
  pointsImportTemplate: DividendExport
  pointsImportPreview: PointsImportPreview
  pointsImportDraft: PointsImportView
  pointsImports: PointsImportList
  pointsImportConfirm: PointsImportConfirmed
  pointsImportWithdraw: PointsImportView
}
