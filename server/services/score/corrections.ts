import { eq } from 'drizzle-orm'
import type { ScoreRecordView } from '../../../src/core/contracts/score'
import { AppError } from '../../../src/core/errors'
import { limitRefusal } from '../../../src/core/scoring'
import type { ContentCheck } from '../../platform/content-check'
import type { StartMediaCheck } from '../../platform/media-check'
import { requireCleanText } from '../../platform/content-check'
import type { SendSubscribeMessage } from '../../platform/subscribe-message'
import type { Db } from '../../store/database'
import { households, rules, scoreRecords } from '../../store/schema'
import { requestPhotoChecks } from '../shared/photo-checks'
import { refuseOthersPhotos } from '../shared/photo-folder'
import { loadCaller } from '../shared/caller'
import { requirePointsPower } from '../shared/points-power'
import { APPLIED, countsTowardLimits, PROMISED } from './limits'
import { reverseScoreEntry } from './reverse-entry'
import { loadRuleInForce, refuseTrainingRuleByHand, ruleSetIdOf } from './rules'
import { applyScoreRecords, scoreRecordView } from './records'

/** A cadre corrects a mistaken score: a linked opposite entry, with the reason shown to the household. */
export async function reverseEntry(db: Db, openid: string, input: { entryId: number; reason: string }) {
  const caller = await loadCaller(db, openid)
  const reversal = await reverseScoreEntry(db, caller, input.entryId, input.reason)
  return { entryId: reversal.id, reversedEntryId: input.entryId, balance: reversal.balanceAfter }
}

/**
 * A villager claims a claimable rule (volunteer service) for their own household, with a photo,
 * within the rule's monthly and yearly limits (claims still waiting count). It waits for a cadre's
 * approval before any points move.
 */
export async function claimRule(
  db: Db,
  openid: string,
  input: { requestId: string; ruleId: number; note?: string; photos: string[] },
  platform: { contentCheck: ContentCheck; startMediaCheck: StartMediaCheck | null },
  at = new Date(),
): Promise<ScoreRecordView> {
  const caller = await loadCaller(db, openid)
  refuseOthersPhotos(openid, input.photos)
  if (!caller.householdId) throw new AppError('FORBIDDEN', '只有绑定了农户的村民可以申报')
  const rule = await loadRuleInForce(db, input.ruleId)
  refuseTrainingRuleByHand(rule, '申报')
  if (!rule.claimable) throw new AppError('NOT_CLAIMABLE')
  const [household] = await db.select({ villageId: households.villageId }).from(households).where(eq(households.id, caller.householdId)).for('update')
  if ((await ruleSetIdOf(db, household.villageId)) !== rule.ruleSetId) throw new AppError('RULE_NOT_APPLICABLE')
  const { thisMonth, thisYear } = (await countsTowardLimits(db, rule, [caller.householdId], at, PROMISED)).get(caller.householdId) ?? { thisMonth: 0, thisYear: 0 }
  const overLimit = limitRefusal(rule, thisMonth, thisYear)
  if (overLimit) throw new AppError('LIMIT_REACHED', `“${rule.title}”${overLimit}，不能再申报了`)
  await requireCleanText(platform.contentCheck, input.note, openid)
  const [record] = await db
    .insert(scoreRecords)
    .values({
      householdId: caller.householdId,
      ruleId: rule.id,
      points: rule.points,
      source: 'claim',
      status: 'pending',
      note: input.note ?? '',
      photos: input.photos,
      submittedBy: openid,
      scorerOrgId: household.villageId,
      requestId: input.requestId,
      createdAt: at,
    })
    .returning()
  // The cadres deciding it see the photo at once; WeChat's check decides whether anyone else may.
  if (platform.startMediaCheck) await requestPhotoChecks(db, platform.startMediaCheck, input.photos, openid, at)
  return scoreRecordView(db, record.id, { openid, concerned: true, actingStaff: false, streetAdmin: false })
}

/**
 * A cadre approves or rejects a pending score or claim of their village. Approval moves the points,
 * within the rule's limits for the month and year it was submitted in (checked again under the
 * household's row lock: what applied meanwhile counts); nobody decides what they submitted themselves.
 */
export async function decideScoreRecord(
  db: Db,
  openid: string,
  send: SendSubscribeMessage,
  input: { recordId: number; approve: boolean; note?: string },
): Promise<ScoreRecordView> {
  const caller = await loadCaller(db, openid)
  const [record] = await db.select().from(scoreRecords).where(eq(scoreRecords.id, input.recordId)).for('update')
  if (!record) throw new AppError('NOT_FOUND', '没有找到这条记录')
  await requirePointsPower(db, caller, 'decideScores', record, '只有本村的村干部可以审核')
  if (record.submittedBy === openid) throw new AppError('FORBIDDEN', '不能审核自己提交的记录')
  if (record.status !== 'pending') throw new AppError('ALREADY_DECIDED')
  const decision = { decidedBy: openid, decidedAt: new Date(), decisionNote: input.note ?? '' }
  if (input.approve) {
    const [household] = await db.select({ name: households.headName }).from(households).where(eq(households.id, record.householdId)).for('update')
    const [rule] = await db.select().from(rules).where(eq(rules.id, record.ruleId))
    const { thisMonth, thisYear } = (await countsTowardLimits(db, rule, [record.householdId], record.createdAt, APPLIED)).get(record.householdId) ?? { thisMonth: 0, thisYear: 0 }
    const overLimit = limitRefusal(rule, thisMonth, thisYear)
    if (overLimit) throw new AppError('LIMIT_REACHED', `${household.name}家“${rule.title}”${overLimit}，这条不能再通过，请驳回`)
    await db.update(scoreRecords).set(decision).where(eq(scoreRecords.id, record.id))
    await applyScoreRecords(db, send, [record], rule, openid)
  } else {
    await db.update(scoreRecords).set({ ...decision, status: 'rejected' }).where(eq(scoreRecords.id, record.id))
  }
  return scoreRecordView(db, record.id, { openid, concerned: false, actingStaff: true, streetAdmin: false })
}
