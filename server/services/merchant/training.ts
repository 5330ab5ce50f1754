import { randomBytes } from 'node:crypto'
import { and, count, desc, eq, inArray } from 'drizzle-orm'
import type { OpenedTraining, SignInResult, TrainingView } from '../../../src/core/contracts/merchant'
import { AppError } from '../../../src/core/errors'
import { limitRefusal } from '../../../src/core/scoring'
import { inviteCodeFrom, inviteCodeTail, looksLikeInviteCode, normaliseInviteCode } from '../../../src/core/roster/invite-code'
import { mayActOn } from '../../../src/core/policy'
import { TRAINING_RULE_CODE } from '../../../src/core/starter-rules'
import type { SendSubscribeMessage } from '../../platform/subscribe-message'
import type { Db } from '../../store/database'
import { households, orgs, rules, scoreRecords, trainingSessions, trainingSignIns } from '../../store/schema'
import { admitBindAttempt, recordFailedBind } from '../shared/bind-attempts'
import { findCaller, isOwnMember, loadCaller } from '../shared/caller'
import { codeHash, codeHashCandidates } from '../shared/code-hash'
import { recordAudit } from '../org/audit-trail'
import { orgRef } from '../org/org-scope'
import { countsTowardLimits, PROMISED } from '../score/limits'
import { applyScoreRecords } from '../score/records'
import { loadRuleInForce, ruleSetIdOf } from '../score/rules'
import { allianceInScope } from './merchants'

type SessionRow = typeof trainingSessions.$inferSelect

const REFUSED: Record<'wrong' | 'closed', string> = {
  wrong: '签到码不对，请核对后再输一次',
  closed: '这场培训的签到已经结束了',
}

/** 开培训: the committee opens a session; the answer is the only place its code appears (the table keeps its hash). */
export async function openTraining(db: Db, openid: string, input: { allianceId: string; title: string; hours: number }, now = new Date()): Promise<OpenedTraining> {
  const caller = await loadCaller(db, openid)
  const alliance = await allianceInScope(db, caller, input.allianceId, 'decideScores')
  await trainingRule(db, alliance.id)
  const code = inviteCodeFrom((n) => randomBytes(n))
  const [session] = await db
    .insert(trainingSessions)
    .values({ allianceId: alliance.id, title: input.title, codeHash: codeHash(code), codeTail: inviteCodeTail(code), closesAt: new Date(now.getTime() + input.hours * 3600_000), openedBy: openid, createdAt: now })
    .returning()
  await recordAudit(db, { actorOpenid: openid, action: 'alliance.training', orgId: alliance.id, after: { title: input.title, hours: input.hours } })
  return { ...trainingView(session, alliance, 0), code }
}

/** The alliance's sessions, newest first, with how many merchants signed in to each. */
export async function listTrainings(db: Db, openid: string, input: { allianceId: string }): Promise<TrainingView[]> {
  const caller = await loadCaller(db, openid)
  const alliance = await allianceInScope(db, caller, input.allianceId, 'viewHouseholds')
  const sessions = await db.select().from(trainingSessions).where(eq(trainingSessions.allianceId, alliance.id)).orderBy(desc(trainingSessions.id))
  const counts = sessions.length
    ? await db
        .select({ id: trainingSignIns.sessionId, n: count() })
        .from(trainingSignIns)
        .where(inArray(trainingSignIns.sessionId, sessions.map((s) => s.id)))
        .groupBy(trainingSignIns.sessionId)
    : []
  return sessions.map((s) => trainingView(s, alliance, counts.find((c) => c.id === s.id)?.n ?? 0))
}

/**
 * 培训签到: the owner of a merchant of the session's alliance scans its code; the merchant gets the
 * 参加培训 rule's points once per session (a second scan answers "already", the unique sign-in row
 * backs it), within the rule's monthly and yearly limits as any score. The points are a score record
 * of the committee member who opened the session, applied at once through the same path as an
 * inspection's. A wrong code counts against the hourly limit of
 * one-time codes, and is answered (not thrown) so the failed try is kept.
 */
export async function signIn(db: Db, openid: string, send: SendSubscribeMessage, input: { code: string }, now = new Date()): Promise<SignInResult> {
  const failures = await admitBindAttempt(db, openid, '签到码输错次数太多，请一小时后再试')
  const caller = await loadCaller(db, openid)
  if (!caller.merchantId) throw new AppError('FORBIDDEN', '绑定了商家的店主才能培训签到')
  const refuse = async (reason: 'wrong' | 'closed'): Promise<SignInResult> => ({
    signedIn: false,
    reason,
    message: REFUSED[reason],
    triesLeft: await recordFailedBind(db, openid, `training-${reason}`, failures),
  })
  const code = normaliseInviteCode(input.code)
  if (!looksLikeInviteCode(code)) return refuse('wrong')
  const [session] = await db.select().from(trainingSessions).where(inArray(trainingSessions.codeHash, codeHashCandidates(code)))
  if (!session) return refuse('wrong')
  if (session.closesAt <= now) return refuse('closed')
  const [merchant] = await db.select().from(households).where(eq(households.id, caller.merchantId)).for('update')
  if (merchant.villageId !== session.allianceId) throw new AppError('FORBIDDEN', '这是别的商家联盟的培训')
  const rule = await trainingRule(db, session.allianceId)
  const [before] = await db.select().from(trainingSignIns).where(and(eq(trainingSignIns.sessionId, session.id), eq(trainingSignIns.merchantId, merchant.id)))
  const answer = (already: boolean, balance: number): SignInResult => ({ signedIn: true, already, tradeName: merchant.tradeName!, title: session.title, points: rule.points, balance })
  if (before) return answer(true, merchant.balance)
  await requireOpenerMayScore(db, session, merchant.id)
  const { thisMonth, thisYear } = (await countsTowardLimits(db, rule, [merchant.id], now, PROMISED)).get(merchant.id) ?? { thisMonth: 0, thisYear: 0 }
  const overLimit = limitRefusal(rule, thisMonth, thisYear)
  if (overLimit) throw new AppError('LIMIT_REACHED', `${merchant.tradeName}“${rule.title}”${overLimit}，这次签到不再记分`)
  const [record] = await db
    .insert(scoreRecords)
    .values({
      householdId: merchant.id,
      ruleId: rule.id,
      points: rule.points,
      source: 'inspection',
      status: 'pending',
      note: `培训签到：${session.title}`,
      submittedBy: session.openedBy,
      scorerOrgId: session.allianceId,
      requestId: `training-${session.id}-${merchant.id}`,
      observedAt: now,
      createdAt: now,
    })
    .returning()
  const [entry] = await applyScoreRecords(db, send, [record], rule, null, now)
  await db.insert(trainingSignIns).values({ sessionId: session.id, merchantId: merchant.id, openid, scoreRecordId: record.id, createdAt: now })
  return answer(false, entry.balanceAfter)
}

/**
 * The points of a sign-in are the opener's score, so the opener must still hold the power to give
 * them on the alliance (a revoked committee member's sessions give nothing), and nobody scores the
 * shop they own: a session opened by one of the merchant's owners gives that merchant nothing
 * (refuseOwnMember's rule).
 */
async function requireOpenerMayScore(db: Db, session: SessionRow, merchantId: string): Promise<void> {
  const opener = await findCaller(db, session.openedBy)
  const [alliance] = await db.select({ path: orgs.path }).from(orgs).where(eq(orgs.id, session.allianceId))
  if (!opener || !mayActOn(opener.grants, 'decideScores', [alliance.path])) {
    throw new AppError('FORBIDDEN', '开这场培训的委员已经不在联盟任职，这场培训的签到不再记分，请联系联盟委员会')
  }
  if (isOwnMember(opener, merchantId)) throw new AppError('FORBIDDEN', '这场培训是这家店的店主开的，不能给自己的店签到记分，请让其他委员开培训')
}

/** The alliance's 参加培训 rule in force. */
async function trainingRule(db: Db, allianceId: string) {
  const ruleSetId = await ruleSetIdOf(db, allianceId)
  const [newest] = ruleSetId
    ? await db.select({ id: rules.id }).from(rules).where(and(eq(rules.ruleSetId, ruleSetId), eq(rules.code, TRAINING_RULE_CODE))).orderBy(desc(rules.version)).limit(1)
    : []
  if (!newest) throw new AppError('INVALID_INPUT', '联盟的细则里没有“参加培训”这一条，请先在细则里加上')
  return loadRuleInForce(db, newest.id)
}

function trainingView(session: SessionRow, alliance: typeof orgs.$inferSelect, signedIn: number): TrainingView {
  return {
    id: session.id,
    title: session.title,
    alliance: orgRef(alliance),
    closesAt: session.closesAt.toISOString(),
    codeTail: session.codeTail,
    signedIn,
    openedAt: session.createdAt.toISOString(),
  }
}
