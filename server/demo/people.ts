/** The demo's staff who act in the seeded story (their grants are in demo-seed.ts). */
export const ZJQ_GRID_LEADER = 'demo-grid-leader'
export const ZJQ_CADRE = 'demo-cadre'
export const ZJQ_ACCOUNTANT = 'demo-accountant'
export const TJ_CADRE = 'demo-cadre-other'
export const COMMUNITY_SCORER = 'demo-community'
export const SHOP_CLERK = 'demo-shop'
/** 通界村's grid leader: his scores wait for 沈国强, as 通界村 decided (not a switchable demo identity). */
export const TJ_GRID_LEADER = { openid: 'demo-grid-leader-tj', name: '俞建华' }

/**
 * Households whose family uses the app in the story (they submit proof, claim, appeal, show their
 * card); each has one member, `demo-member-<household id>`, besides 张建国's and 李秀英's. Neither
 * 钱桂英's household (h-zjq-10, bound in the roster journey) nor 王金林's (h-zjq-03, a printed card).
 */
export const STORY_MEMBER_HOUSEHOLDS = ['h-zjq-05', 'h-zjq-12', 'h-zjq-16', 'h-zjq-20', 'h-zjq-23', 'h-zjq-27', 'h-zjq-30'] as const

export function memberOf(householdId: string): string {
  return `demo-member-${householdId}`
}
