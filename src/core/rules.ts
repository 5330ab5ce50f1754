import type { MemberKind } from './member-kind'

/**
 * Categories of 积分细则 (published scoring rules), as villages name them. 议事协商: taking part in
 * 连心议站 (a proposal adopted, helping handle a matter), scored by staff like any other rule.
 */
export const VILLAGE_RULE_CATEGORIES = ['人居环境', '垃圾分类', '平安建设', '志愿服务', '移风易俗', '矛盾调解', '疫情防控', '议事协商'] as const

/** The categories a 商家自治联盟 scores its merchants under (seed 004: 「培训 + 评比 + 整改」). */
export const MERCHANT_RULE_CATEGORIES = ['食品安全', '环境卫生', '门前三包', '消防安全', '诚信经营', '参加培训'] as const

export const RULE_CATEGORIES = [...VILLAGE_RULE_CATEGORIES, ...MERCHANT_RULE_CATEGORIES] as const
export type RuleCategory = (typeof RULE_CATEGORIES)[number]

/** The categories a rule set may use, by the kind of member it scores: a village's households or an alliance's merchants. */
export function ruleCategoriesFor(kind: MemberKind): readonly RuleCategory[] {
  return kind === 'merchant' ? MERCHANT_RULE_CATEGORIES : VILLAGE_RULE_CATEGORIES
}

/** The first rule (in words) whose category is not one of the kind's, or null when every one fits. */
export function misplacedCategory(kind: MemberKind, rules: readonly { title: string; category: RuleCategory }[]): string | null {
  const allowed = ruleCategoriesFor(kind)
  const wrong = rules.find((rule) => !allowed.includes(rule.category))
  if (!wrong) return null
  const whose = kind === 'merchant' ? '商家联盟的细则' : '村社的细则'
  return `「${wrong.title}」的类别「${wrong.category}」不能用在${whose}里，只能选：${allowed.join('、')}`
}
