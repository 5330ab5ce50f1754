import { and, eq, inArray, sql } from 'drizzle-orm'
import type { MyRequests, PendingWork, ScoreRecordView } from '../../../src/core/contracts/score'
import { AppError } from '../../../src/core/errors'
import { mayActOn } from '../../../src/core/policy'
import type { Db } from '../../store/database'
import { appeals, orgs, scoreRecords } from '../../store/schema'
import { selectAppealViews } from './appeals'
import { loadCaller } from '../shared/caller'
import { selectScoreRecordViews } from './records'

/** A scorer's recent inspections, newest first. */
export async function myInspections(db: Db, openid: string, input: { limit?: number }): Promise<ScoreRecordView[]> {
  await loadCaller(db, openid)
  const looker = { openid, concerned: false, actingStaff: false, streetAdmin: false }
  return selectScoreRecordViews(db, and(eq(scoreRecords.submittedBy, openid), eq(scoreRecords.source, 'inspection')), looker, input.limit ?? 20)
}

/** A villager's own claims and appeals, with their status. */
export async function myRequests(db: Db, openid: string): Promise<MyRequests> {
  const caller = await loadCaller(db, openid)
  if (!caller.householdId) return { claims: [], appeals: [] }
  return {
    claims: await selectScoreRecordViews(db, and(eq(scoreRecords.householdId, caller.householdId), eq(scoreRecords.source, 'claim')), {
      openid,
      concerned: true,
      actingStaff: false,
      streetAdmin: false,
    }),
    appeals: await selectAppealViews(db, eq(appeals.householdId, caller.householdId)),
  }
}

/** What waits for a cadre of this organisation: pending scores and claims, pending appeals. */
export async function pendingWork(db: Db, openid: string, input: { orgId: string }): Promise<PendingWork> {
  const caller = await loadCaller(db, openid)
  const [org] = await db.select().from(orgs).where(eq(orgs.id, input.orgId))
  if (!org) throw new AppError('NOT_FOUND', '没有找到这个村')
  if (!mayActOn(caller.grants, 'decideScores', [org.path])) throw new AppError('FORBIDDEN', '只有村干部可以审核')
  const inScope = (householdColumn: typeof scoreRecords.householdId | typeof appeals.householdId) =>
    inArray(householdColumn, sql`(select h.id from households h join orgs v on v.id = h.village_id where starts_with(v.path, ${org.path}))`)
  return {
    // The cadres deciding them see their photos before WeChat's answer.
    records: await selectScoreRecordViews(db, and(eq(scoreRecords.status, 'pending'), inScope(scoreRecords.householdId)), {
      openid,
      concerned: false,
      actingStaff: true,
      streetAdmin: false,
    }),
    appeals: await selectAppealViews(db, and(eq(appeals.status, 'pending'), inScope(appeals.householdId))),
  }
}
