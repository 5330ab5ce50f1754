import { and, eq, inArray, sql, type SQL } from 'drizzle-orm'
import type { MyRequests, PendingWork, ScoreRecordView } from '../../../src/core/contracts/score'
import { AppError } from '../../../src/core/errors'
import { mayActOn } from '../../../src/core/policy'
import type { Db } from '../../store/database'
import { appeals, orgs, scoreRecords } from '../../store/schema'
import { selectAppealViews } from './appeals'
import { loadCaller, othersThanOwn, type Caller } from '../shared/caller'
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

/**
 * 待我审核's rows under an organisation (its path): scores and claims waiting for approval, appeals
 * waiting for a decision, of the households of the villages under it. The one definition of that
 * work: the page lists these rows and 首页 and the clock's digest count them (account/waiting.ts).
 */
export function pendingScoresUnder(orgPath: string, caller: Caller): SQL {
  return and(eq(scoreRecords.status, 'pending'), householdOfVillageUnder(scoreRecords.householdId, orgPath), othersThanOwn(scoreRecords.householdId, caller))!
}

export function pendingAppealsUnder(orgPath: string, caller: Caller): SQL {
  return and(eq(appeals.status, 'pending'), householdOfVillageUnder(appeals.householdId, orgPath), othersThanOwn(appeals.householdId, caller))!
}

function householdOfVillageUnder(householdColumn: typeof scoreRecords.householdId | typeof appeals.householdId, orgPath: string): SQL {
  return inArray(householdColumn, sql`(select h.id from households h join orgs v on v.id = h.village_id where starts_with(v.path, ${orgPath}))`)
}

/** What waits for a cadre of this organisation: pending scores and claims, pending appeals. */
export async function pendingWork(db: Db, openid: string, input: { orgId: string }): Promise<PendingWork> {
  const caller = await loadCaller(db, openid)
  const [org] = await db.select().from(orgs).where(eq(orgs.id, input.orgId))
  if (!org) throw new AppError('NOT_FOUND', '没有找到这个村')
  if (!mayActOn(caller.grants, 'decideScores', [org.path])) throw new AppError('FORBIDDEN', '只有村干部可以审核')
  return {
    // The cadres deciding them see their photos before WeChat's answer.
    records: await selectScoreRecordViews(db, pendingScoresUnder(org.path, caller), {
      openid,
      concerned: false,
      actingStaff: true,
      streetAdmin: false,
    }),
    appeals: await selectAppealViews(db, pendingAppealsUnder(org.path, caller)),
  }
}
