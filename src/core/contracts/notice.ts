import { z } from 'zod'
import { recordIdSchema } from './record-id'
import type { ShownNoticeStatus } from '../rectification'
import type { MemberKind } from '../member-kind'
import type { RuleCategory } from '../rules'
import { requestIdSchema } from './request-id'
import { periodSchema, photoIdSchema } from './score'

const id = recordIdSchema
const orgId = z.string().min(1).max(64)
const days = z.number().int().min(1).max(90)

/** Inputs of the `notice` cloud function (rectification notices in the village's group channels). */
export const noticeInputs = {
  open: z.object({ requestId: requestIdSchema, entryId: id, days: days.optional() }),
  candidates: z.object({ orgId }),
  awaitingCheck: z.object({ orgId }),
  postBulletin: z.object({
    requestId: requestIdSchema,
    orgId,
    noticeIds: z.array(id).min(1, '请至少选一条').max(100),
    title: z.string().trim().min(2).max(40).optional(),
  }),
  channels: z.object({ orgId: orgId.optional() }),
  channel: z.object({ orgId }),
  bulletin: z.object({ bulletinId: id }),
  openFromGroup: z.object({ requestId: requestIdSchema, bulletinId: id, cloudId: z.string().min(1).max(512) }),
  mine: z.object({}),
  detail: z.object({ noticeId: id }),
  submitProof: z.object({
    requestId: requestIdSchema,
    noticeId: id,
    photos: z.array(photoIdSchema).min(1, '请拍照说明已经整改').max(9),
    note: z.string().trim().max(200).optional(),
  }),
  verify: z
    .object({ requestId: requestIdSchema, noticeId: id, accept: z.boolean(), reason: z.string().trim().max(200).optional() })
    .refine((v) => v.accept || (v.reason ?? '').length >= 2, { message: '退回时请写明原因', path: ['reason'] }),
  extend: z.object({ requestId: requestIdSchema, noticeId: id, days }),
  stats: z.object({ orgId, period: periodSchema }),
  messages: z.object({ beforeId: id.optional() }),
  markRead: z.object({ requestId: requestIdSchema, ids: z.array(id).min(1).max(100) }),
  grantSubscription: z.object({ requestId: requestIdSchema, template: z.literal('notice'), granted: z.number().int().min(1).max(10) }),
}

export type NoticeView = {
  id: number
  /** Public views: "3组 张**"; the household itself and staff in scope see the full name and house number. */
  householdLabel: string
  /** Always the masked form, for what goes public (a poster for a WeChat group). */
  publicLabel: string
  householdId: string | null
  /** A household's notice or a merchant's: the pages name it 这户 or 这家店. */
  memberKind: MemberKind
  masked: boolean
  mine: boolean
  channel: { id: string; name: string }
  rule: { title: string; category: RuleCategory } | null
  problem: string
  /** The inspection's photos this viewer may see; `photosInCheck` of them read 照片审核中 (WeChat's image check). */
  photos: string[]
  photosInCheck: number
  photoNote: string | null
  points: number
  deadline: string
  status: ShownNoticeStatus
  statusLabel: string
  openedAt: string
  rectifiedAt: string | null
  /** Hours from opening to 已整改. */
  hoursToRectify: number | null
  rejectionReason: string
  /** Only for the household and staff. */
  proof: { photos: string[]; photosInCheck: number; photoNote: string | null; note: string; at: string | null } | null
  bulletinId: number | null
  /** The deduction's ledger entry: the household appeals it through the points appeal flow. */
  deductionEntryId: number | null
}

export type ChannelSummary = { id: string; name: string; open: number; overdue: number; rectified: number }
export type BulletinView = { id: number; village: string; title: string; postedAt: string; notices: NoticeView[] }
export type NoticeStats = {
  org: { id: string; name: string }
  period: string
  opened: number
  rectified: number
  overdue: number
  /** rectified / opened, 0..1; null when nothing was opened. */
  rectificationRate: number | null
  medianHoursToRectify: number | null
}
export type MessageView = { id: number; title: string; body: string; page: string; createdAt: string; read: boolean }

export type NoticeOutputs = {
  open: NoticeView
  candidates: NoticeView[]
  awaitingCheck: { toVerify: NoticeView[]; overdue: NoticeView[] }
  postBulletin: BulletinView
  channels: ChannelSummary[]
  channel: { channel: { id: string; name: string }; notices: NoticeView[] }
  bulletin: BulletinView
  openFromGroup: BulletinView
  mine: NoticeView[]
  detail: NoticeView
  submitProof: NoticeView
  verify: NoticeView
  extend: NoticeView
  stats: NoticeStats
  messages: { messages: MessageView[]; unread: number; nextBeforeId: number | null }
  markRead: { read: number }
  grantSubscription: { available: number }
}
