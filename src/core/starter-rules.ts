import type { RuleView } from './contracts/score'

/** One rule as a new village starts with it: a published rule without its id. */
export type StarterRule = Omit<RuleView, 'id'>

/**
 * The few rules a new village or community scores with from its first day, so its grid leaders can
 * start at once; its cadre rewrites them in 积分细则管理 into the village's own 积分细则.
 */
export const STARTER_RULES: readonly StarterRule[] = [
  { code: 'starter-tidy', category: '人居环境', title: '房前屋后干净整洁', points: 2, monthlyLimit: 1, yearlyLimit: null, evidenceRequired: false, restorable: false, claimable: false, rectifyDays: null },
  { code: 'starter-clutter', category: '人居环境', title: '房前屋后乱堆乱放（整改后退回）', points: -5, monthlyLimit: null, yearlyLimit: null, evidenceRequired: true, restorable: true, claimable: false, rectifyDays: 7 },
  { code: 'starter-sorting', category: '垃圾分类', title: '垃圾分好类再投放', points: 1, monthlyLimit: 4, yearlyLimit: null, evidenceRequired: false, restorable: false, claimable: false, rectifyDays: null },
  { code: 'starter-volunteer', category: '志愿服务', title: '参加村里的志愿服务（可自己申报）', points: 2, monthlyLimit: 4, yearlyLimit: null, evidenceRequired: true, restorable: false, claimable: true, rectifyDays: null },
]

/** The code of the rule a training session's sign-in scores under (参加培训). */
export const TRAINING_RULE_CODE = 'alliance-training'

/** A rule only a training's sign-in scores under: never scored by hand (入户评分) nor claimed. */
export function scoredBySignInOnly(rule: { code: string }): boolean {
  return rule.code === TRAINING_RULE_CODE
}

/**
 * The rules a new 商家自治联盟 scores its merchants with from its first day (食品安全, 环境卫生, 门前三包,
 * 消防安全, 诚信经营, 参加培训); its committee rewrites them as the alliance's own.
 */
export const ALLIANCE_STARTER_RULES: readonly StarterRule[] = [
  { code: 'alliance-food-safety', category: '食品安全', title: '食品安全检查不合格（整改后退回）', points: -10, monthlyLimit: null, yearlyLimit: null, evidenceRequired: true, restorable: true, claimable: false, rectifyDays: 7 },
  { code: 'alliance-hygiene', category: '环境卫生', title: '店内外环境卫生整洁', points: 2, monthlyLimit: 1, yearlyLimit: null, evidenceRequired: false, restorable: false, claimable: false, rectifyDays: null },
  { code: 'alliance-frontage', category: '门前三包', title: '门前三包不落实（整改后退回）', points: -5, monthlyLimit: null, yearlyLimit: null, evidenceRequired: true, restorable: true, claimable: false, rectifyDays: 3 },
  { code: 'alliance-fire', category: '消防安全', title: '消防隐患（整改后退回）', points: -10, monthlyLimit: null, yearlyLimit: null, evidenceRequired: true, restorable: true, claimable: false, rectifyDays: 7 },
  { code: 'alliance-honest', category: '诚信经营', title: '诚信经营、明码标价', points: 3, monthlyLimit: 1, yearlyLimit: null, evidenceRequired: false, restorable: false, claimable: false, rectifyDays: null },
  { code: TRAINING_RULE_CODE, category: '参加培训', title: '参加联盟培训（扫码签到）', points: 5, monthlyLimit: null, yearlyLimit: null, evidenceRequired: false, restorable: false, claimable: false, rectifyDays: null },
]
