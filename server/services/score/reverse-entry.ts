import { eq } from 'drizzle-orm'
import { AppError } from '../../../src/core/errors'
import type { Db } from '../../store/database'
import { appendLedgerEntry } from '../../store/ledger'
import { ledgerEntries } from '../../store/schema'
import type { Caller } from '../shared/caller'
import { requirePointsPower } from '../shared/points-power'
import { withdrawNoticeOf } from '../notice/proof'

/**
 * Corrects a scoring entry by a new, opposite entry linked to it; the original stays, and a
 * rectification notice it opened is withdrawn. Only a
 * cadre whose village covers the household (or, on an entry a community scored, that community's) may do it, and an entry is reversed at most once
 * (checked here for a clear message; the unique index on reverses_entry_id holds it under races).
 */
export async function reverseScoreEntry(db: Db, caller: Caller, entryId: number, reason: string, at = new Date()) {
  const [entry] = await db.select().from(ledgerEntries).where(eq(ledgerEntries.id, entryId))
  if (!entry) throw new AppError('NOT_FOUND', '没有找到这笔积分')
  await requirePointsPower(db, caller, 'decideScores', entry, '只有本村的村干部可以冲销积分')
  if (entry.kind !== 'score') throw new AppError('INVALID_INPUT', '只有评分记录可以这样冲销')
  const [already] = await db.select({ id: ledgerEntries.id }).from(ledgerEntries).where(eq(ledgerEntries.reversesEntryId, entry.id))
  if (already) throw new AppError('ALREADY_REVERSED')
  const reversal = await appendLedgerEntry(db, {
    householdId: entry.householdId,
    points: -entry.points,
    kind: 'score_reversal',
    note: reason,
    actorOpenid: caller.openid,
    reversesEntryId: entry.id,
    ruleId: entry.ruleId,
    scorerOrgId: entry.scorerOrgId,
    at,
  })
  await withdrawNoticeOf(db, entry.id, at)
  return reversal
}
