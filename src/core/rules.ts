/** Categories of 积分细则 (published scoring rules), as villages name them. */
export const RULE_CATEGORIES = ['人居环境', '垃圾分类', '平安建设', '志愿服务', '移风易俗', '矛盾调解', '疫情防控'] as const
export type RuleCategory = (typeof RULE_CATEGORIES)[number]
