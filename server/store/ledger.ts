import { and, eq, gte, sql } from 'drizzle-orm'
import { AppError } from '../../src/core/errors'
import { EARNED_POINT_KINDS, isValidPointMovement, type LedgerKind } from '../../src/core/ledger'
import { periodsOf } from '../../src/core/period'
import type { Db } from './database'
import { householdPeriodPoints, households, ledgerEntries } from './schema'

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
  if (EARNED_POINT_KINDS.includes(entry.kind)) await addToPeriodTotals(tx, entry.householdId, entry.points, written.createdAt)
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
