import type { RuleView } from './contracts/score'
import { RULE_CATEGORIES, type RuleCategory } from './rules'

// How a rule reads to a villager (细则 page, 申请加分): its limits, its tags, rules by category.

/** The limits of a rule in words: "每月最多 4 次", "每年最多 1 次", both, or none. */
export function ruleLimitText(rule: Pick<RuleView, 'monthlyLimit' | 'yearlyLimit'>): string | null {
  const parts: string[] = []
  if (rule.monthlyLimit !== null) parts.push(`每月最多 ${rule.monthlyLimit} 次`)
  if (rule.yearlyLimit !== null) parts.push(`每年最多 ${rule.yearlyLimit} 次`)
  return parts.length > 0 ? parts.join('，') : null
}

/** The small tags under a rule: limits, 需拍照, 整改后可返还 (with the days allowed), 可自己申报. */
export function ruleTags(rule: RuleView): string[] {
  const tags: string[] = []
  const limit = ruleLimitText(rule)
  if (limit) tags.push(limit)
  if (rule.evidenceRequired) tags.push('需拍照')
  if (rule.restorable) tags.push(rule.rectifyDays ? `整改后可返还（${rule.rectifyDays} 天内）` : '整改后可返还')
  if (rule.claimable) tags.push('可自己申报')
  return tags
}

/** Rules grouped by category, in the categories' usual order and the published order within each. */
export function groupRulesByCategory(rules: readonly RuleView[]): { category: RuleCategory; rules: RuleView[] }[] {
  return RULE_CATEGORIES.map((category) => ({ category, rules: rules.filter((rule) => rule.category === category) })).filter(
    (group) => group.rules.length > 0,
  )
}
