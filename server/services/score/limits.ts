import { and, count, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { periodRange, periodsOf } from '../../../src/core/period'
import type { Db } from '../../store/database'
import { ledgerEntries, rules, scoreRecords } from '../../store/schema'
import type { RuleRow } from './rules'

/** The scores a new score or claim is counted against: those applied and those waiting, which may yet apply. */
export const PROMISED = ['pending', 'applied'] as const
/** The scores an approval is counted against: those applied (others waiting are judged when decided). */
export const APPLIED = ['applied'] as const

/**
 * Counts each household's scores under the same rule (any version: the code names it) in the month and
 * the year `at` falls in — of the statuses `counted`, reversed ones not — in one query for all of them;
 * a rule without limits needs none. Households with no such score are absent.
 */
export async function countsTowardLimits(
  db: Db,
  rule: Pick<RuleRow, 'ruleSetId' | 'code' | 'monthlyLimit' | 'yearlyLimit'>,
  householdIds: readonly string[],
  at: Date,
  counted: typeof PROMISED | typeof APPLIED,
) {
  const counts = new Map<string, { thisMonth: number; thisYear: number }>()
  if (rule.monthlyLimit === null && rule.yearlyLimit === null) return counts
  const month = periodRange(periodsOf(at).month)
  const year = periodRange(periodsOf(at).year)
  const reversal = alias(ledgerEntries, 'reversal')
  const rows = await db
    .select({
      householdId: scoreRecords.householdId,
      thisYear: count(),
      thisMonth: sql<number>`count(*) filter (where ${scoreRecords.createdAt} >= ${month.from.toISOString()} and ${scoreRecords.createdAt} < ${month.to.toISOString()})`.mapWith(Number),
    })
    .from(scoreRecords)
    .innerJoin(rules, eq(rules.id, scoreRecords.ruleId))
    .leftJoin(reversal, eq(reversal.reversesEntryId, scoreRecords.ledgerEntryId))
    .where(
      and(
        inArray(scoreRecords.householdId, [...householdIds]),
        eq(rules.ruleSetId, rule.ruleSetId),
        eq(rules.code, rule.code),
        inArray(scoreRecords.status, [...counted]),
        isNull(reversal.id),
        gte(scoreRecords.createdAt, year.from),
        lt(scoreRecords.createdAt, year.to),
      ),
    )
    .groupBy(scoreRecords.householdId)
  for (const row of rows) counts.set(row.householdId, { thisMonth: row.thisMonth, thisYear: row.thisYear })
  return counts
}
