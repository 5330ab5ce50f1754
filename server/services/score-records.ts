import { desc, eq, inArray, type SQL } from 'drizzle-orm'
import type { RecordStatus, ScoreRecordView } from '../../src/core/contracts/score'
import type { Db } from '../store/database'
import { appendLedgerEntry } from '../store/ledger'
import type { SendSubscribeMessage } from '../platform/subscribe-message'
import { households, rules, scoreRecords, users } from '../store/schema'
import { openNoticeFor } from './notices'

export type ScoreRecordRow = typeof scoreRecords.$inferSelect

/**
 * Moves a record's points: one 'score' ledger entry, named by the record. Called when an
 * inspection needs no approval, or when a cadre approves a pending score or claim. A deduction
 * under a restorable rule opens its rectification notice in the same transaction.
 */
export async function applyScoreRecord(
  tx: Db,
  send: SendSubscribeMessage,
  record: ScoreRecordRow,
  rule: { restorable: boolean },
  decidedBy: string | null,
  at?: Date,
) {
  const entry = await appendLedgerEntry(tx, {
    at,
    householdId: record.householdId,
    points: record.points,
    kind: 'score',
    note: record.note,
    actorOpenid: record.submittedBy,
    ruleId: record.ruleId,
    scorerOrgId: record.scorerOrgId,
  })
  await tx
    .update(scoreRecords)
    .set({ status: 'applied', ledgerEntryId: entry.id, ...(decidedBy ? { decidedBy, decidedAt: new Date() } : {}) })
    .where(eq(scoreRecords.id, record.id))
  if (rule.restorable && entry.points < 0) {
    await openNoticeFor(tx, send, { deduction: entry, openedBy: record.submittedBy, problem: record.note, photos: record.photos, openedAt: at })
  }
  return entry
}

/** Score records as pages show them, newest first. */
export async function selectScoreRecordViews(db: Db, where: SQL | undefined, limit = 50): Promise<ScoreRecordView[]> {
  const rows = await db
    .select({
      record: scoreRecords,
      householdName: households.headName,
      houseNo: households.houseNo,
      ruleTitle: rules.title,
      rulePoints: rules.points,
      submitter: users.displayName,
    })
    .from(scoreRecords)
    .innerJoin(households, eq(households.id, scoreRecords.householdId))
    .innerJoin(rules, eq(rules.id, scoreRecords.ruleId))
    .innerJoin(users, eq(users.openid, scoreRecords.submittedBy))
    .where(where)
    .orderBy(desc(scoreRecords.id))
    .limit(limit)
  return rows.map(({ record, householdName, houseNo, ruleTitle, rulePoints, submitter }) => ({
    id: record.id,
    householdId: record.householdId,
    householdName,
    houseNo,
    rule: { id: record.ruleId, title: ruleTitle, points: rulePoints },
    points: record.points,
    source: record.source as ScoreRecordView['source'],
    status: record.status as RecordStatus,
    note: record.note,
    photos: record.photos,
    submittedBy: submitter,
    createdAt: record.createdAt.toISOString(),
    decisionNote: record.decisionNote,
  }))
}

export async function scoreRecordView(db: Db, id: number): Promise<ScoreRecordView> {
  const [view] = await selectScoreRecordViews(db, inArray(scoreRecords.id, [id]), 1)
  return view
}
