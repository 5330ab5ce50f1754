import { z } from 'zod'
import { MERCHANT_CATEGORIES, type MerchantCategory } from '../member-kind'
import type { BoardReason } from '../merchant/red-black-board'
import { MAX_STARS, starTermsProblem, type StarBand } from '../merchant/star-terms'
import { personName, type MerchantView, type OrgRef } from './account'
import { recordIdSchema } from './record-id'
import { requestIdSchema } from './request-id'
import type { ShownOnce } from './shown-once'

const allianceId = z.string().min(1).max(64)
const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应为 2026-11 这样的格式')
/**
 * A text a person typed: no control, invisible or direction-changing characters and no < or >
 * (they would reach other people's screens). `lines`: a line break is kept (a text box of several lines).
 */
const plainText = (what: string, max: number, { lines = false } = {}) =>
  z
    .string()
    .trim()
    .min(1, `请填写${what}`)
    .max(max, `${what}最多 ${max} 个字`)
    .regex(lines ? /^(?:[^\p{C}<>]|\n)+$/u : /^[^\p{C}<>]+$/u, `${what}里有不能用的符号`)

/**
 * Inputs of the `merchant` cloud function (商家自治联盟). The alliance's committee (or the street's
 * admin) adds merchants; owners bind with a code from `account.issueInvite` and `account.bind`,
 * inspections go through `score.submit`, rectification through `notice`, as for households.
 */
export const merchantInputs = {
  add: z.object({
    requestId: requestIdSchema,
    allianceId,
    /** 字号: the shop's public name. */
    tradeName: plainText('字号', 30),
    trade: z.enum(MERCHANT_CATEGORIES),
    /** The owner's name: for the committee only, never shown to the public. */
    ownerName: personName('店主姓名'),
    /** 店址: unique within the alliance (a merchant's "门牌"). */
    address: plainText('店址', 40),
  }),
  list: z.object({ allianceId }),
  /** The alliance's star terms, newest version first: published, anyone may read them. */
  starTerms: z.object({ allianceId }),
  publishStarTerms: z
    .object({
      requestId: requestIdSchema,
      allianceId,
      /** The Asia/Shanghai day the terms take effect: today or later. */
      effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '请选择生效日期'),
      windowMonths: z.number().int().min(1, '评比至少看 1 个月的积分').max(12, '评比最多看 12 个月的积分'),
      bands: z
        .array(
          z.object({
            minPoints: z.number().int().min(-10_000).max(10_000, '起点积分最多 10000 分'),
            stars: z.number().int().min(1, '星级至少 1 星').max(MAX_STARS, `星级最多 ${MAX_STARS} 星`),
            /** Fen; at most 100,000 元 a merchant. */
            rewardFen: z.number().int().min(0, '奖励不能是负数').max(10_000_000, '奖励最多 10 万元').optional(),
          }),
        )
        .min(1, '请至少填一档')
        .max(MAX_STARS, `最多 ${MAX_STARS} 档`),
      redMinStars: z.number().int().min(1, '上红榜至少要 1 星').max(MAX_STARS, `上红榜最多要 ${MAX_STARS} 星`),
      blackLine: z.number().int().min(-10_000, '黑榜线最低 -10000 分').max(10_000, '黑榜线最高 10000 分'),
    })
    .superRefine((terms, ctx) => {
      const problem = starTermsProblem(terms)
      if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['bands'] })
    }),
  /** 星级评比: rate the alliance's merchants for a month (this one or one before); a merchant rated for it keeps its result. */
  rateStars: z.object({ requestId: requestIdSchema, allianceId, period: monthSchema }),
  ratings: z.object({ allianceId, period: monthSchema }),
  /** 开培训: the committee opens a training session; its sign-in code is shown once, valid for `hours`. */
  openTraining: z.object({ requestId: requestIdSchema, allianceId, title: plainText('培训主题', 40), hours: z.number().int().min(1, '签到至少开 1 小时').max(12, '签到最多开 12 小时') }),
  trainings: z.object({ allianceId }),
  /** 培训签到: a merchant's owner scans (or types) the session's code: 参加培训 points once per session. */
  signIn: z.object({ requestId: requestIdSchema, code: z.string().trim().min(1, '请扫码或输入签到码').max(20, '签到码是 8 位') }),
  /** 我要反映: anyone who opened a storefront sign raises a concern about the merchant, for its committee. */
  concern: z.object({ requestId: requestIdSchema, merchantId: z.string().min(1).max(64), text: plainText('反映的问题', 200, { lines: true }).min(4, '请把问题写清楚，至少 4 个字') }),
  /** The committee's box, newest first, a page at a time: `beforeId` (a page's nextBeforeId) reads older ones. */
  concerns: z.object({ allianceId, beforeId: recordIdSchema.optional() }),
  /** 年度表彰: the year's commended merchants and their rewards, and the same as .xlsx. */
  year: z.object({ allianceId, year: z.number().int().min(2000).max(2100) }),
  exportYear: z.object({ allianceId, year: z.number().int().min(2000).max(2100) }),
  /** 表彰榜: public, the year's commended merchants of a street's alliances or of one alliance. */
  commendations: z.object({ orgId: z.string().min(1).max(64), year: z.number().int().min(2000, '请选择年份').max(2100, '请选择年份') }),
  /** 红黑榜: public, per street (every alliance under it) or per alliance, optionally one trade. */
  board: z.object({ orgId: z.string().min(1).max(64), trade: z.enum(MERCHANT_CATEGORIES).optional() }),
}

export type TrainingView = { id: number; title: string; alliance: OrgRef; closesAt: string; codeTail: string; signedIn: number; openedAt: string }

export type OpenedTraining = TrainingView & { code: string }

export type SignInResult =
  | { signedIn: true; already: boolean; tradeName: string; title: string; points: number; balance: number }
  | { signedIn: false; reason: 'wrong' | 'closed'; message: string; triesLeft: number }

export type YearEntryView = { merchantId: string; tradeName: string; trade: MerchantCategory; ratings: number; latestStars: number | null; commended: boolean; rewardFen: number; why: string }

export type YearView = { alliance: OrgRef; year: number; entries: YearEntryView[]; commended: number; totalRewardFen: number }

/** A commended merchant as the public sees it: trade name, stars, reward; no person's name. */
export type CommendedView = { merchantId: string; tradeName: string; trade: MerchantCategory; stars: number | null; rewardFen: number }

export type CommendationsView = {
  org: OrgRef
  year: number
  alliances: { alliance: OrgRef; commended: CommendedView[]; totalRewardFen: number; mayExport: boolean }[]
}

export type YearExport = { fileName: string; mimeType: string; base64: string }

export type ConcernView = { id: number; merchantId: string; tradeName: string; text: string; createdAt: string }

/** A page of concerns; nextBeforeId reads the next (older) one, null on the last. */
export type ConcernPage = { concerns: ConcernView[]; nextBeforeId: number | null }

export type StarTermsView = {
  id: number
  version: number
  effectiveFrom: string
  windowMonths: number
  bands: StarBand[]
  redMinStars: number
  blackLine: number
  /** Each band in words: "近 3 个月积分满 10 分：★★★★☆ 4 星". */
  bandLines: string[]
  publishedAt: string
}

export type StarTermsPage = { alliance: OrgRef; versions: (StarTermsView & { inForce: boolean })[]; mayPublish: boolean }

/** One merchant's kept result of one rating period. */
export type StarRatingView = { merchantId: string; tradeName: string; trade: MerchantCategory; period: string; points: number; stars: number; termsVersion: number; ratedAt: string }

export type StarRatingsView = { alliance: OrgRef; period: string; ratings: StarRatingView[] }

/** A merchant on the 红黑榜: its trade name (public) and never a person's name. */
export type BoardEntryView = {
  merchantId: string
  tradeName: string
  trade: MerchantCategory
  alliance: string
  stars: number | null
  reasons: BoardReason[]
  since: string
}

export type BoardView = {
  org: OrgRef
  trade: MerchantCategory | null
  red: BoardEntryView[]
  black: BoardEntryView[]
  /** Merchants who left the black list in the last 30 days, with the day. */
  leftBlack: { merchantId: string; tradeName: string; trade: MerchantCategory; leftOn: string }[]
}

export type MerchantList = { alliance: OrgRef; merchants: MerchantView[] }

export type MerchantOutputs = {
  add: MerchantView
  list: MerchantList
  starTerms: StarTermsPage
  publishStarTerms: StarTermsView
  rateStars: StarRatingsView
  ratings: StarRatingsView
  board: BoardView
  openTraining: ShownOnce<OpenedTraining>
  trainings: TrainingView[]
  signIn: SignInResult
  concern: { received: true; tradeName: string }
  concerns: ConcernPage
  year: YearView
  exportYear: YearExport
  commendations: CommendationsView
}
