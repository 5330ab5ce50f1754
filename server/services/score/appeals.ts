import { desc, eq, inArray, type SQL } from 'drizzle-orm'
import type { AppealStatus, AppealView } from '../../../src/core/contracts/score'
import { AppError } from '../../../src/core/errors'
import { requireCleanText, type ContentCheck } from '../../platform/content-check'
import type { Db } from '../../store/database'
import { appeals, households, ledgerEntries, rules } from '../../store/schema'
import { isOwnMember, loadCaller } from '../shared/caller'
import { requirePointsPower } from '../shared/points-power'
import { reverseScoreEntry } from './reverse-entry'

/** A member of the household appeals a deduction with a reason; one appeal per entry. */
export async function fileAppeal(
  db: Db,
  openid: string,
  input: { entryId: number; reason: string },
  contentCheck: ContentCheck,
  at = new Date(),
): Promise<AppealView> {
  const caller = await loadCaller(db, openid)
  const [entry] = await db.select().from(ledgerEntries).where(eq(ledgerEntries.id, input.entryId))
  if (!entry) throw new AppError('NOT_FOUND', '没有找到这笔积分')
  if (!isOwnMember(caller, entry.householdId)) throw new AppError('FORBIDDEN', '只能对自己家（或自己店）的扣分申诉')
  if (entry.kind !== 'score' || entry.points >= 0) throw new AppError('NOT_APPEALABLE')
  const [existing] = await db.select({ id: appeals.id }).from(appeals).where(eq(appeals.entryId, entry.id))
  if (existing) throw new AppError('ALREADY_APPEALED')
  await requireCleanText(contentCheck, input.reason, openid)
  const [appeal] = await db
    .insert(appeals)
    .values({ householdId: entry.householdId, entryId: entry.id, reason: input.reason, status: 'pending', submittedBy: openid, createdAt: at })
    .returning()
  return appealView(db, appeal.id)
}

/** A cadre of the village upholds the deduction or overturns it (a reversal entry linked to it). */
export async function decideAppeal(
  db: Db,
  openid: string,
  input: { appealId: number; overturn: boolean; note?: string },
  at = new Date(),
): Promise<AppealView> {
  const caller = await loadCaller(db, openid)
  const [appeal] = await db.select().from(appeals).where(eq(appeals.id, input.appealId)).for('update')
  if (!appeal) throw new AppError('NOT_FOUND', '没有找到这条申诉')
  const [entry] = await db.select({ scorerOrgId: ledgerEntries.scorerOrgId }).from(ledgerEntries).where(eq(ledgerEntries.id, appeal.entryId))
  await requirePointsPower(db, caller, 'decideScores', { householdId: appeal.householdId, scorerOrgId: entry?.scorerOrgId ?? null }, '只有本村的村干部可以处理申诉')
  if (appeal.submittedBy === openid) throw new AppError('FORBIDDEN', '不能处理自己提交的申诉')
  if (appeal.status !== 'pending') throw new AppError('ALREADY_DECIDED')
  const reversal = input.overturn
    ? await reverseScoreEntry(db, caller, appeal.entryId, `申诉成立：${input.note ?? appeal.reason}`, at)
    : null
  await db
    .update(appeals)
    .set({
      status: input.overturn ? 'overturned' : 'upheld',
      decidedBy: openid,
      decidedAt: at,
      decisionNote: input.note ?? '',
      reversalEntryId: reversal?.id ?? null,
    })
    .where(eq(appeals.id, appeal.id))
  return appealView(db, appeal.id)
}

export async function selectAppealViews(db: Db, where: SQL | undefined, limit = 50): Promise<AppealView[]> {
  const rows = await db
    .select({ appeal: appeals, householdName: households.headName, points: ledgerEntries.points, ruleTitle: rules.title })
    .from(appeals)
    .innerJoin(households, eq(households.id, appeals.householdId))
    .innerJoin(ledgerEntries, eq(ledgerEntries.id, appeals.entryId))
    .leftJoin(rules, eq(rules.id, ledgerEntries.ruleId))
    .where(where)
    .orderBy(desc(appeals.id))
    .limit(limit)
  return rows.map(({ appeal, householdName, points, ruleTitle }) => ({
    id: appeal.id,
    householdId: appeal.householdId,
    householdName,
    entryId: appeal.entryId,
    points,
    ruleTitle,
    reason: appeal.reason,
    status: appeal.status as AppealStatus,
    decisionNote: appeal.decisionNote,
    createdAt: appeal.createdAt.toISOString(),
  }))
}

async function appealView(db: Db, id: number): Promise<AppealView> {
  const [view] = await selectAppealViews(db, inArray(appeals.id, [id]), 1)
  return view
}
