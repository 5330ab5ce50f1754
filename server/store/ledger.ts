import { and, gte, inArray, sql } from 'drizzle-orm'
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

export type LedgerEntryRow = typeof ledgerEntries.$inferSelect

/** The one way points move, for one entry: `appendLedgerEntries` with a batch of one. */
export async function appendLedgerEntry(tx: Db, entry: NewEntry): Promise<LedgerEntryRow> {
  const [written] = await appendLedgerEntries(tx, [entry])
  return written
}

/**
 * The one way points move, for a batch of entries in three statements however many there are: the
 * household rows are updated by each one's total (which locks them until the transaction ends, so
 * entries of one household are applied one after another), the entries are written in the given
 * order with the running balance each produced, and the earned ones are added to the month and year
 * totals. The balance check and the debit are one conditional UPDATE, so parallel spending can never
 * overdraw (a batch with `mustStayNonNegative` is refused whole if any household would go below zero).
 * Call it inside the transaction that does the rest of the work; callers that touch several
 * households lock them in id order first (submit-score.ts), so parallel batches queue, not deadlock.
 * Returns the written entries in the given order.
 */
export async function appendLedgerEntries(tx: Db, entries: readonly NewEntry[]): Promise<LedgerEntryRow[]> {
  if (entries.length === 0) return []
  for (const entry of entries) if (!isValidPointMovement(entry.points)) throw new Error(`invalid point movement: ${entry.points}`)
  const totals = new Map<string, number>()
  for (const e of entries) totals.set(e.householdId, (totals.get(e.householdId) ?? 0) + e.points)
  const ids = [...totals.keys()]
  const delta = sql`(case ${households.id} ${sql.join(
    ids.map((id) => sql`when ${id} then ${totals.get(id)}::int`),
    sql` `,
  )} end)`
  const mustStayNonNegative = entries.some((e) => e.mustStayNonNegative)
  const updated = await tx
    .update(households)
    .set({ balance: sql`${households.balance} + ${delta}` })
    .where(and(inArray(households.id, ids), mustStayNonNegative ? gte(sql`${households.balance} + ${delta}`, 0) : undefined))
    .returning({ id: households.id, balance: households.balance })
  if (updated.length < ids.length) {
    const existing = await tx.select({ id: households.id }).from(households).where(inArray(households.id, ids))
    const missing = ids.find((id) => !existing.some((row) => row.id === id))
    if (missing) throw new Error(`no household ${missing}`)
    throw new AppError('INSUFFICIENT_POINTS')
  }

  // Each entry's balance: the balance before the batch plus the household's entries up to it.
  const running = new Map(updated.map((row) => [row.id, row.balance - totals.get(row.id)!]))
  const values = entries.map((entry) => {
    const balanceAfter = running.get(entry.householdId)! + entry.points
    running.set(entry.householdId, balanceAfter)
    return {
      householdId: entry.householdId,
      points: entry.points,
      balanceAfter,
      kind: entry.kind,
      note: entry.note ?? '',
      actorOpenid: entry.actorOpenid ?? null,
      reversesEntryId: entry.reversesEntryId ?? null,
      ruleId: entry.ruleId ?? null,
      scorerOrgId: entry.scorerOrgId ?? null,
      ...(entry.at ? { createdAt: entry.at } : {}),
    }
  })
  // Ids are drawn in VALUES order, so sorting by id gives the entries back in the order given.
  const written = (await tx.insert(ledgerEntries).values(values).returning()).sort((a, b) => a.id - b.id)
  await addToPeriodTotals(tx, written.filter((e) => EARNED_POINT_KINDS.includes(e.kind as LedgerKind)))
  return written
}

/** Keeps the month and year totals of earned points in step with the entries just written, in one statement. */
async function addToPeriodTotals(tx: Db, earned: readonly LedgerEntryRow[]) {
  if (earned.length === 0) return
  // One row per (household, period): an upsert may not touch the same row twice.
  const sums = new Map<string, { householdId: string; period: string; points: number }>()
  for (const entry of earned) {
    const { month, year } = periodsOf(entry.createdAt)
    for (const period of [month, year]) {
      const key = `${entry.householdId} ${period}`
      const row = sums.get(key) ?? { householdId: entry.householdId, period, points: 0 }
      row.points += entry.points
      sums.set(key, row)
    }
  }
  await tx
    .insert(householdPeriodPoints)
    .values([...sums.values()])
    .onConflictDoUpdate({
      target: [householdPeriodPoints.period, householdPeriodPoints.householdId],
      set: { points: sql`${householdPeriodPoints.points} + excluded.points` },
    })
}
