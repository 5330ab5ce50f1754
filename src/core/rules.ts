/**
 * Categories of 积分细则 (published scoring rules), as villages name them. 议事协商: taking part in
 * 连心议站 (a proposal adopted, helping handle a matter), scored by staff like any other rule.
 */
export const VILLAGE_RULE_CATEGORIES = ['人居环境', '垃圾分类', '平安建设', '志愿服务', '移风易俗', '矛盾调解', '疫情防控', '议事协商'] as const

/** The categories a 商家自治联盟 scores its merchants under (seed 004: 「培训 + 评比 + 整改」). */
export const MERCHANT_RULE_CATEGORIES = ['食品安全', '环境卫生', '门前三包', '消防安全', '诚信经营', '参加培训'] as const

export const RULE_CATEGORIES = [...VILLAGE_RULE_CATEGORIES, ...MERCHANT_RULE_CATEGORIES] as const
export type RuleCategory = (typeof RULE_CATEGORIES)[number]
