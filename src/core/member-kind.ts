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
