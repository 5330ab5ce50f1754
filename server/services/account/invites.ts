import { randomBytes } from 'node:crypto'
import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import type { InviteStatus, InviteView, IssuedInvite } from '../../../src/core/contracts/account'
import { AppError } from '../../../src/core/errors'
import { INVITE_VALID_DAYS, inviteCodeFrom, inviteCodeTail } from '../../../src/core/roster/invite-code'
import type { Db } from '../../store/database'
import { householdMembers, inviteCodes, users } from '../../store/schema'
import { loadCaller } from '../shared/caller'
import { codeHash } from '../shared/code-hash'
import { householdInScope } from './roster-scope'

/**
 * 发邀请码: a cadre issues a one-time code for one household of their village. The answer is the
 * only place the code appears; the database keeps its keyed hash (code-hash.ts) and last 2 characters.
 */
export async function issueInvite(db: Db, openid: string, input: { householdId: string }): Promise<IssuedInvite> {
  const caller = await loadCaller(db, openid)
  const { household } = await householdInScope(db, caller, input.householdId)
  const code = inviteCodeFrom((count) => randomBytes(count))
  const [invite] = await db
    .insert(inviteCodes)
    .values({
      householdId: household.id,
      codeHash: codeHash(code),
      codeTail: inviteCodeTail(code),
      issuedBy: openid,
      expiresAt: sql`now() + make_interval(days => ${INVITE_VALID_DAYS})`,
    })
    .returning()
  return { ...inviteView(invite, null), code }
}

/** 作废邀请码: an unused code stops working at once. A used code stays as it is (unbind the member instead). */
export async function revokeInvite(db: Db, openid: string, input: { inviteId: number }): Promise<InviteView> {
  const caller = await loadCaller(db, openid)
  const [invite] = await db.select().from(inviteCodes).where(eq(inviteCodes.id, input.inviteId))
  if (!invite) throw new AppError('NOT_FOUND', '没有找到这个邀请码')
  await householdInScope(db, caller, invite.householdId)
  if (invite.usedAt) throw new AppError('INVALID_INPUT', '这个邀请码已经用过了，不能作废；如要取消绑定，请在家庭成员里解绑')
  const [revoked] = await db
    .update(inviteCodes)
    .set({ revokedAt: sql`coalesce(${inviteCodes.revokedAt}, now())` })
    .where(and(eq(inviteCodes.id, invite.id), isNull(inviteCodes.usedAt)))
    .returning()
  if (!revoked) throw new AppError('INVALID_INPUT', '这个邀请码刚刚被用掉了，不能作废')
  return inviteView(revoked, null)
}

/** The codes issued for a household, newest first, with who used each. */
export async function listInvites(db: Db, openid: string, input: { householdId: string }): Promise<InviteView[]> {
  const caller = await loadCaller(db, openid)
  await householdInScope(db, caller, input.householdId)
  const rows = await db
    .select({ invite: inviteCodes, usedBy: users.displayName })
    .from(inviteCodes)
    .leftJoin(householdMembers, eq(householdMembers.id, inviteCodes.memberId))
    .leftJoin(users, eq(users.openid, householdMembers.openid))
    .where(eq(inviteCodes.householdId, input.householdId))
    .orderBy(desc(inviteCodes.id))
  return rows.map((r) => inviteView(r.invite, r.usedBy))
}

function inviteView(invite: typeof inviteCodes.$inferSelect, usedBy: string | null): InviteView {
  return {
    id: invite.id,
    householdId: invite.householdId,
    tail: invite.codeTail,
    status: inviteStatus(invite),
    issuedAt: invite.createdAt.toISOString(),
    expiresAt: invite.expiresAt.toISOString(),
    usedAt: invite.usedAt?.toISOString() ?? null,
    usedBy,
  }
}

/** A one-time code's state (a household invite or a staff code): used, revoked, expired or active. */
export function inviteStatus(invite: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date }): InviteStatus {
  if (invite.usedAt) return 'used'
  if (invite.revokedAt) return 'revoked'
  return invite.expiresAt.getTime() <= Date.now() ? 'expired' : 'active'
}
