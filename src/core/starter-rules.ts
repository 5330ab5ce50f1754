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
