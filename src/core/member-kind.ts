import type { OrgKind } from './org'

/**
 * The kinds of scored member on the one engine (rules, ledger, notices, proofs): a shareholder
 * household of a village, or a merchant of a 商家自治联盟. Both are rows of `households`; a
 * merchant's `village_id` is its alliance. A merchant holds no shares and never takes part in a dividend.
 */
export const MEMBER_KINDS = ['household', 'merchant'] as const
export type MemberKind = (typeof MEMBER_KINDS)[number]

/** A merchant's trade (业态), as the alliance lists them. */
export const MERCHANT_CATEGORIES = ['餐饮', '零售', '民宿', '美容美发', '农家乐', '其他'] as const
export type MerchantCategory = (typeof MERCHANT_CATEGORIES)[number]

/** The kind of member an organisation holds: an alliance its merchants, every other unit households. */
export function memberKindAt(orgKind: OrgKind): MemberKind {
  return orgKind === 'alliance' ? 'merchant' : 'household'
}

/**
 * How a page names a member of each kind where the words differ: a household (户, 您家, checked by
 * the village's cadres) or a merchant (家, 您的店, checked by its alliance).
 */
export type MemberWords = {
  /** What the list holds: 农户 / 商家. */
  noun: string
  /** The counting word: 3 户 / 3 家. */
  counter: string
  /** The one a staff member acts on: 这户 / 这家店. */
  this: string
  /** The member's own, as its people read it: 您家 / 您的店. */
  mine: string
  /** Who checks its rectification: 村里 / 联盟. */
  checker: string
  /** Whom to ask for more time: 村干部 / 联盟委员. */
  keeper: string
  /** What a search box finds them by. */
  findBy: string
}

export const MEMBER_WORDS: Record<MemberKind, MemberWords> = {
  household: { noun: '农户', counter: '户', this: '这户', mine: '您家', checker: '村里', keeper: '村干部', findBy: '户主姓名或门牌' },
  merchant: { noun: '商家', counter: '家', this: '这家店', mine: '您的店', checker: '联盟', keeper: '联盟委员', findBy: '店名、店主或店址' },
}
