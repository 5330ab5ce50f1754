import type { RuleView } from './contracts/score'

/**
 * Why a rule can't be applied to a household once more in this period, or null when it can.
 * `timesThisMonth` / `timesThisYear` count the household's applied and pending scores under the
 * same rule code (any version) in the current Asia/Shanghai month and year.
 */
export function limitRefusal(
  rule: Pick<RuleView, 'monthlyLimit' | 'yearlyLimit'>,
  timesThisMonth: number,
  timesThisYear: number,
): string | null {
  if (rule.monthlyLimit !== null && timesThisMonth >= rule.monthlyLimit) return `本月已满 ${rule.monthlyLimit} 次`
  if (rule.yearlyLimit !== null && timesThisYear >= rule.yearlyLimit) return `今年已满 ${rule.yearlyLimit} 次`
  return null
}
