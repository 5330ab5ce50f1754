import { and, eq, gte, sql } from 'drizzle-orm'
import { AppError } from '../../src/core/errors'
import { EARNED_POINT_KINDS, isValidPointMovement, type LedgerKind } from '../../src/core/ledger'
import { periodsOf } from '../../src/core/period'
import type { Db } from './database'
import { householdPeriodPoints, householdRulePoints, households, ledgerEntries } from './schema'

export type NewEntry = {
  householdId: string
  points: number
  kind: LedgerKind
  note?: string
  actorOpenid?: string | null
  reversesEntryId?: number | null
  ruleId?: number | null
  scorerOrgId?: string | null
  /** When it happened, for history carried over from paper records (the demo seed); default now. */
  at?: Date
  /** Spending (a redemption) may never take the balance below zero: refused with INSUFFICIENT_POINTS. */
  mustStayNonNegative?: boolean
}

/**
 * The one way points move: the household row is updated (which locks it until the transaction
 * ends, so entries of one household are applied one after another) and the entry records the
 * balance it produced. The balance check and the debit are one conditional UPDATE, so parallel
 * spending can never overdraw. Call it inside the transaction that does the rest of the work.
 */
export async function appendLedgerEntry(tx: Db, entry: NewEntry) {
  if (!isValidPointMovement(entry.points)) throw new Error(`invalid point movement: ${entry.points}`)
  const [row] = await tx
    .update(households)
    .set({ balance: sql`${households.balance} + ${entry.points}` })
    .where(
      and(
        eq(households.id, entry.householdId),
        entry.mustStayNonNegative ? gte(sql`${households.balance} + ${entry.points}`, 0) : undefined,
      ),
    )
    .returning({ balance: households.balance })
  if (!row) {
    const [exists] = await tx.select({ id: households.id }).from(households).where(eq(households.id, entry.householdId))
    if (exists) throw new AppError('INSUFFICIENT_POINTS')
    throw new Error(`no household ${entry.householdId}`)
  }
  const [written] = await tx
    .insert(ledgerEntries)
    .values({
      householdId: entry.householdId,
      points: entry.points,
      balanceAfter: row.balance,
      kind: entry.kind,
      note: entry.note ?? '',
      actorOpenid: entry.actorOpenid ?? null,
      reversesEntryId: entry.reversesEntryId ?? null,
      ruleId: entry.ruleId ?? null,
      scorerOrgId: entry.scorerOrgId ?? null,
      ...(entry.at ? { createdAt: entry.at } : {}),
    })
    .returning()
  if (EARNED_POINT_KINDS.includes(entry.kind)) {
    await addToPeriodTotals(tx, entry.householdId, entry.points, written.createdAt)
    await addToRuleTotals(tx, written)
  }
  return written
}

/** Keeps the month and year totals of earned points in step with the entry just written. */
async function addToPeriodTotals(tx: Db, householdId: string, points: number, at: Date) {
  const { month, year } = periodsOf(at)
  await tx
    .insert(householdPeriodPoints)
    .values([
      { householdId, period: month, points },
      { householdId, period: year, points },
    ])
    .onConflictDoUpdate({
      target: [householdPeriodPoints.period, householdPeriodPoints.householdId],
      set: { points: sql`${householdPeriodPoints.points} + excluded.points` },
    })
}

/** How an earned entry counts in household_rule_points: given, deducted, corrected or restored. */
function ruleTotalsOf(entry: { kind: string; points: number }) {
  const moved = { given: 0, deducted: 0, corrected: 0, restored: 0 }
  if (entry.kind === 'score' && entry.points > 0) moved.given = entry.points
  else if (entry.kind === 'score') moved.deducted = -entry.points
  else if (entry.kind === 'score_reversal') moved.corrected = entry.points
  else moved.restored = entry.points
  return moved
}

/** Keeps the per-rule, per-scorer month and year totals in step with the earned entry just written. */
async function addToRuleTotals(tx: Db, entry: typeof ledgerEntries.$inferSelect) {
  const { month, year } = periodsOf(entry.createdAt)
  const key = { householdId: entry.householdId, ruleId: entry.ruleId ?? 0, scorerOrgId: entry.scorerOrgId ?? '' }
  const moved = ruleTotalsOf(entry)
  await tx
    .insert(householdRulePoints)
    .values([
      { ...key, period: month, ...moved },
      { ...key, period: year, ...moved },
    ])
    .onConflictDoUpdate({
      target: [householdRulePoints.period, householdRulePoints.householdId, householdRulePoints.ruleId, householdRulePoints.scorerOrgId],
      set: {
        given: sql`${householdRulePoints.given} + excluded.given`,
        deducted: sql`${householdRulePoints.deducted} + excluded.deducted`,
        corrected: sql`${householdRulePoints.corrected} + excluded.corrected`,
        restored: sql`${householdRulePoints.restored} + excluded.restored`,
      },
    })
}
