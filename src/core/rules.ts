/**
 * Categories of 积分细则 (published scoring rules), as villages name them. 议事协商: taking part in
 * 连心议站 (a proposal adopted, helping handle a matter), scored by staff like any other rule.
 */
export const RULE_CATEGORIES = ['人居环境', '垃圾分类', '平安建设', '志愿服务', '移风易俗', '矛盾调解', '疫情防控', '议事协商'] as const
export type RuleCategory = (typeof RULE_CATEGORIES)[number]
