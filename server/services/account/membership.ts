import { and, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm'
import type { BindResult, MemberView } from '../../../src/core/contracts/account'
import { AppError } from '../../../src/core/errors'
import type { MemberKind } from '../../../src/core/member-kind'
import { looksLikeInviteCode, normaliseInviteCode } from '../../../src/core/roster/invite-code'
import { requireCleanText, type ContentCheck } from '../../platform/content-check'
import type { SendSubscribeMessage } from '../../platform/subscribe-message'
import type { Db } from '../../store/database'
import { householdById, selectHouseholdViews } from '../../store/household-views'
import { householdMembers, households, inviteCodes, users } from '../../store/schema'
import { admitBindAttempt, recordFailedBind } from '../shared/bind-attempts'
import { findCaller, loadCaller } from '../shared/caller'
import { codeHashCandidates } from '../shared/code-hash'
import { recordAudit } from '../org/audit-trail'
import { notifyHousehold } from '../shared/notifications'
import { householdInScope } from './roster-scope'

type RefusedCode = Extract<BindResult, { bound: false }>['reason']

const REFUSED_MESSAGES: Record<RefusedCode, string> = {
  wrong: '邀请码不对，请核对后再输一次',
  used: '这个邀请码已经用过了，请找村干部重新发一个',
  expired: '这个邀请码已经过期了，请找村干部重新发一个',
  revoked: '这个邀请码已经作废了，请找村干部重新发一个',
}

/**
 * 绑定我家: a villager binds their WeChat to the household a cadre issued the code for.
 *
 * It runs as an ordinary state change (once per requestId, in one transaction). A code that does
 * not work is therefore answered, not thrown: the failed try is written in the same transaction
 * and must commit, whereas an error would roll it back. Tries count against the hourly limit
 * shared with staff codes (bind-attempts.ts); two people using the
 * same code at once meet at the conditional UPDATE, and only one of them binds.
 * Whoever issued the code may not bind with it (a cadre would then spend a household's points), and
 * a new member is told to those already bound, in 我的消息, and kept in the audit trail.
 */
export async function bindHousehold(
  db: Db,
  openid: string,
  input: { code: string; displayName: string },
  platform: { contentCheck: ContentCheck; sendSubscribeMessage: SendSubscribeMessage },
): Promise<BindResult> {
  const failures = await admitBindAttempt(db, openid)
  const caller = await findCaller(db, openid)

  const refuse = async (reason: RefusedCode): Promise<BindResult> => {
    const triesLeft = await recordFailedBind(db, openid, reason, failures)
    return { bound: false, reason, message: REFUSED_MESSAGES[reason], triesLeft }
  }
  const code = normaliseInviteCode(input.code)
  if (!looksLikeInviteCode(code)) return refuse('wrong')
  const [invite] = await db
    .select({
      id: inviteCodes.id,
      householdId: inviteCodes.householdId,
      issuedBy: inviteCodes.issuedBy,
      codeTail: inviteCodes.codeTail,
      memberKind: households.memberKind,
      usedAt: inviteCodes.usedAt,
      revokedAt: inviteCodes.revokedAt,
      expired: sql<boolean>`${inviteCodes.expiresAt} <= now()`,
    })
    .from(inviteCodes)
    .innerJoin(households, eq(households.id, inviteCodes.householdId))
    .where(inArray(inviteCodes.codeHash, codeHashCandidates(code)))
  if (!invite) return refuse('wrong')
  // One household and one merchant per person: a shop owner is also a villager somewhere.
  const memberKind = invite.memberKind as MemberKind
  if (memberKind === 'household' && caller?.householdId) throw new AppError('ALREADY_BOUND')
  if (memberKind === 'merchant' && caller?.merchantId) throw new AppError('ALREADY_BOUND', '您的微信已经绑定了一家店，如要换店请先找联盟委员解绑')
  if (invite.usedAt) return refuse('used')
  if (invite.revokedAt) return refuse('revoked')
  if (invite.expired) return refuse('expired')
  if (invite.issuedBy === openid) throw new AppError('FORBIDDEN', '这个绑定码是您自己发的，请让户主本人绑定')

  const [claimed] = await db
    .update(inviteCodes)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(inviteCodes.id, invite.id),
        isNull(inviteCodes.usedAt),
        isNull(inviteCodes.revokedAt),
        gt(inviteCodes.expiresAt, sql`now()`),
      ),
    )
    .returning({ id: inviteCodes.id })
  if (!claimed) return refuse('used')
  await requireCleanText(platform.contentCheck, input.displayName, openid)
  await db.insert(users).values({ openid, displayName: input.displayName }).onConflictDoNothing()
  const [household] = await selectHouseholdViews(db, householdById(invite.householdId))
  await notifyHousehold(db, platform.sendSubscribeMessage, household.id, {
    title: '家里新绑定了一个微信',
    body: `“${input.displayName}”用村里发的邀请码绑定了${household.name}家，能看积分、用积分卡。如果不是您家里人，请马上告诉村干部解绑。`,
    page: 'pages/mine/index',
    item: '新成员绑定',
  })
  const [member] = await db.insert(householdMembers).values({ householdId: invite.householdId, openid, memberKind }).returning()
  await db.update(inviteCodes).set({ memberId: member.id }).where(eq(inviteCodes.id, invite.id))
  await recordAudit(db, {
    actorOpenid: openid,
    action: 'household.bind',
    orgId: household.village.id,
    after: { household: household.name, houseNo: household.houseNo, name: input.displayName, openid, issuedBy: invite.issuedBy, inviteTail: invite.codeTail },
  })
  return { bound: true, household }
}

/** The WeChat users bound to a household, current first, then those unbound. */
export async function listMembers(db: Db, openid: string, input: { householdId: string }): Promise<MemberView[]> {
  const caller = await loadCaller(db, openid)
  if (caller.householdId !== input.householdId) await householdInScope(db, caller, input.householdId)
  const rows = await db
    .select({ member: householdMembers, displayName: users.displayName })
    .from(householdMembers)
    .innerJoin(users, eq(users.openid, householdMembers.openid))
    .where(eq(householdMembers.householdId, input.householdId))
    .orderBy(sql`${householdMembers.unboundAt} is not null`, desc(householdMembers.boundAt), desc(householdMembers.id))
  return rows.map((r) => memberView(r.member, r.displayName))
}

/** 解绑: a cadre ends a membership; the row stays with its unbound time, and the user loses the household. */
export async function unbindMember(db: Db, openid: string, input: { memberId: number }): Promise<MemberView> {
  const caller = await loadCaller(db, openid)
  const [row] = await db
    .select({ member: householdMembers, displayName: users.displayName })
    .from(householdMembers)
    .innerJoin(users, eq(users.openid, householdMembers.openid))
    .where(eq(householdMembers.id, input.memberId))
  if (!row) throw new AppError('NOT_FOUND', '没有找到这位家庭成员')
  await householdInScope(db, caller, row.member.householdId)
  const [unbound] = await db
    .update(householdMembers)
    .set({ unboundAt: sql`coalesce(${householdMembers.unboundAt}, now())` })
    .where(eq(householdMembers.id, input.memberId))
    .returning()
  return memberView(unbound, row.displayName)
}

function memberView(member: typeof householdMembers.$inferSelect, displayName: string): MemberView {
  return {
    id: member.id,
    householdId: member.householdId,
    displayName,
    boundAt: member.boundAt.toISOString(),
    unboundAt: member.unboundAt?.toISOString() ?? null,
  }
}
