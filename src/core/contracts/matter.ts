import { z } from 'zod'
import { MATTER_RATINGS, type MatterAssignee, type MatterRating, type MatterStep, type ShownMatterStatus } from '../matter'
import type { MatterNumbers } from '../matter-numbers'
import type { OrgRef } from './account'
import { recordIdSchema } from './record-id'
import { requestIdSchema } from './request-id'
import { photoIdSchema } from './score'

const matterId = recordIdSchema
const orgId = z.string().min(1).max(64)
const photos = z.array(photoIdSchema).max(9, '照片最多 9 张')
const days = z.number().int().min(1, '至少 1 天').max(90, '最多 90 天')
const words = (min: number, max: number, what: string) =>
  z.string().trim().min(min, `请写明${what}`).max(max, `${what}最多 ${max} 个字`)

/**
 * Inputs of the `matter` cloud function (连心议站). An `orgId` left out means the caller's own place:
 * a villager's micro-grid, a grid leader's micro-grid, a cadre's village, the admin's street.
 */
export const matterInputs = {
  raise: z.object({
    requestId: requestIdSchema,
    text: words(4, 300, '遇到的问题或建议'),
    place: z.string().trim().max(60, '地点最多 60 个字').default(''),
    photos,
    /** The raiser agrees to show their name on the public board. */
    showName: z.boolean().default(false),
  }),
  /** 我也遇到: one per household. */
  second: z.object({ requestId: requestIdSchema, matterId }),
  accept: z.object({ requestId: requestIdSchema, matterId, note: z.string().trim().max(200, '说明最多 200 个字').default('') }),
  merge: z.object({ requestId: requestIdSchema, matterId, intoId: matterId }),
  decline: z.object({ requestId: requestIdSchema, matterId, reason: words(2, 200, '不受理的原因') }),
  assign: z
    .object({
      requestId: requestIdSchema,
      matterId,
      to: z.enum(['cadre', 'street']),
      /** The cadre of the village who handles it (when `to` is 'cadre'). */
      cadreOpenid: z.string().min(1).max(128).optional(),
      days,
    })
    .refine((v) => v.to === 'street' || v.cadreOpenid !== undefined, { message: '请选择交办给哪位村干部', path: ['cadreOpenid'] }),
  progress: z.object({ requestId: requestIdSchema, matterId, note: words(2, 300, '办理进展'), photos }),
  extend: z.object({ requestId: requestIdSchema, matterId, days, reason: words(2, 200, '延期的原因') }),
  feedback: z.object({ requestId: requestIdSchema, matterId, outcome: words(2, 300, '办理结果'), photos }),
  rate: z.object({ requestId: requestIdSchema, matterId, rating: z.enum(MATTER_RATINGS), comment: z.string().trim().max(200, '意见最多 200 个字').default('') }),
  mine: z.object({}),
  board: z.object({ orgId: orgId.optional() }),
  detail: z.object({ matterId }),
  workList: z.object({ orgId: orgId.optional() }),
  numbers: z.object({ orgId: orgId.optional() }),
}

export type MatterStepView = {
  id: number
  kind: MatterStep | 'raise' | 'reopen'
  label: string
  /** Staff by name; the raiser as the board shows them. */
  by: string
  note: string
  /** The step's photos this viewer may see (progress and feedback photos are checked as the raiser's are). */
  photos: string[]
  photosInCheck: number
  photoNote: string | null
  at: string
  dueAt: string | null
}

export type MatterView = {
  id: number
  text: string
  place: string
  /** The photos this viewer may see: WeChat's image check passed, or the viewer raised it or acts on it. */
  photos: string[]
  /** Photos the public cannot see yet: shown as 「照片审核中」. */
  photosInCheck: number
  /** To the raiser, when a photo of theirs failed WeChat's check and is hidden (the matter stands). */
  photoNote: string | null
  status: ShownMatterStatus
  statusLabel: string
  /** "1组 张**" on the public board unless the raiser agreed; in full for their household and staff in scope. */
  raiser: string
  masked: boolean
  /** Raised by my household. */
  mine: boolean
  village: OrgRef
  microGrid: OrgRef | null
  raisedAt: string
  dueAt: string | null
  assignee: MatterAssignee | null
  /** "陈明华" or "当湖街道". */
  assigneeName: string | null
  reopened: boolean
  rating: MatterRating | null
  ratingLabel: string | null
  outcome: string
  /** Households that said 我也遇到. */
  seconds: number
  secondedByMyHousehold: boolean
  mergedIntoId: number | null
}

export type MatterDetail = MatterView & {
  steps: MatterStepView[]
  /** The steps the caller may take now. */
  mayTake: MatterStep[]
  /** May the caller add 我也遇到. */
  maySecond: boolean
  /** For 交办: the village's cadres. */
  cadres: { openid: string; name: string }[]
  /** For 合并: the open matters of the same village it could join. */
  mergeTargets: { id: number; text: string }[]
}

/** `village`: the village the board lies in (null for a street), for 看全村的. */
export type MatterBoard = { org: OrgRef; village: OrgRef | null; matters: MatterView[]; numbers: MatterNumbers }
export type MatterWorkList = { org: OrgRef; matters: (MatterView & { mayTake: MatterStep[] })[] }
export type MatterNumbersRow = { org: OrgRef; numbers: MatterNumbers }
/** The caller's organisation's numbers and one row per micro-grid (a village) or village (a street). */
export type MatterNumbersReport = { total: MatterNumbersRow; rows: MatterNumbersRow[] }

export type MatterOutputs = {
  raise: MatterDetail
  second: MatterDetail
  accept: MatterDetail
  merge: MatterDetail
  decline: MatterDetail
  assign: MatterDetail
  progress: MatterDetail
  extend: MatterDetail
  feedback: MatterDetail
  rate: MatterDetail
  mine: MatterView[]
  board: MatterBoard
  detail: MatterDetail
  workList: MatterWorkList
  numbers: MatterNumbersReport
}
