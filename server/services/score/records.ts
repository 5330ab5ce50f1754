import { desc, eq, inArray, sql, type SQL } from 'drizzle-orm'
import type { RecordStatus, ScoreRecordView } from '../../../src/core/contracts/score'
import { photosSeenBy, type PhotoLooker } from '../../../src/core/photo-check'
import type { Db } from '../../store/database'
import { appendLedgerEntries } from '../../store/ledger'
import type { SendSubscribeMessage } from '../../platform/subscribe-message'
import { households, rules, scoreRecords, users } from '../../store/schema'
import { openNoticesFor } from '../notice/notices'
import { photoChecksOf } from '../shared/photo-checks'

export type ScoreRecordRow = typeof scoreRecords.$inferSelect

/**
 * Moves records' points: one 'score' ledger entry each, named by its record, all written in one
 * batch (a constant number of statements however many records). Called when an inspection needs
 * no approval, or when a cadre approves a pending score or claim. A deduction under a restorable
 * rule opens its rectification notice in the same transaction. Returns the entries in record order.
 */
export async function applyScoreRecords(
  tx: Db,
  send: SendSubscribeMessage,
  records: readonly ScoreRecordRow[],
  rule: { restorable: boolean },
  decidedBy: string | null,
  at?: Date,
) {
  if (records.length === 0) return []
  const entries = await appendLedgerEntries(
    tx,
    records.map((record) => ({
      at,
      householdId: record.householdId,
      points: record.points,
      kind: 'score' as const,
      note: record.note,
      actorOpenid: record.submittedBy,
      ruleId: record.ruleId,
      scorerOrgId: record.scorerOrgId,
    })),
  )
  const entryOfRecord = sql`(case ${scoreRecords.id} ${sql.join(
    records.map((record, i) => sql`when ${record.id}::bigint then ${entries[i].id}::bigint`),
    sql` `,
  )} end)`
  await tx
    .update(scoreRecords)
    .set({ status: 'applied', ledgerEntryId: entryOfRecord, ...(decidedBy ? { decidedBy, decidedAt: new Date() } : {}) })
    .where(inArray(scoreRecords.id, records.map((record) => record.id)))
  if (rule.restorable) {
    const deductions = entries.flatMap((entry, i) =>
      entry.points < 0 ? [{ deduction: entry, openedBy: records[i].submittedBy, problem: records[i].note, photos: records[i].photos, openedAt: at }] : [],
    )
    await openNoticesFor(tx, send, deductions)
  }
  return entries
}

/** Score records as pages show them to one looker (their photos as WeChat's check lets them see), newest first. */
export async function selectScoreRecordViews(db: Db, where: SQL | undefined, looker: PhotoLooker, limit = 50): Promise<ScoreRecordView[]> {
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
  const checks = await photoChecksOf(db, rows.flatMap(({ record }) => record.photos))
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
    ...photosSeenBy(record.photos, checks, looker),
    submittedBy: submitter,
    observedAt: record.observedAt.toISOString(),
    createdAt: record.createdAt.toISOString(),
    decisionNote: record.decisionNote,
  }))
}

export async function scoreRecordView(db: Db, id: number, looker: PhotoLooker): Promise<ScoreRecordView> {
  const [view] = await selectScoreRecordViews(db, inArray(scoreRecords.id, [id]), looker, 1)
  return view
}
