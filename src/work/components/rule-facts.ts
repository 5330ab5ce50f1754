import type { RuleView } from '../../core/contracts/score'

/** What a scorer should know about a rule besides its points, in words: "需拍照 · 每月最多 1 次". */
export function ruleFacts(rule: RuleView): string[] {
  const facts: string[] = []
  if (rule.evidenceRequired) facts.push('需拍照')
  if (rule.monthlyLimit !== null) facts.push(`每月最多 ${rule.monthlyLimit} 次`)
  if (rule.yearlyLimit !== null) facts.push(`每年最多 ${rule.yearlyLimit} 次`)
  if (rule.restorable) facts.push(rule.rectifyDays ? `${rule.rectifyDays} 天内整改可返还` : '整改后可返还')
  if (rule.claimable) facts.push('村民可申报')
  return facts
}
