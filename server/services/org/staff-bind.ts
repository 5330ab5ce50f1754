import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm'
import type { StaffBindResult } from '../../../src/core/contracts/org'
import { looksLikeInviteCode, normaliseInviteCode } from '../../../src/core/roster/invite-code'
import { ROLE_LABELS, type StaffRole } from '../../../src/core/roles'
import { requireCleanText, type ContentCheck } from '../../platform/content-check'
import type { Db } from '../../store/database'
import { roleGrants, staffInvites, users } from '../../store/schema'
import { admitBindAttempt, recordFailedBind } from '../shared/bind-attempts'
import { codeHashCandidates } from '../shared/code-hash'
import { recordAudit } from './audit-trail'
import { findOrg, orgRef } from './org-scope'

type RefusedCode = Extract<StaffBindResult, { bound: false }>['reason']

const REFUSED_MESSAGES: Record<RefusedCode, string> = {
  wrong: '工作码不对，请核对后再输一次',
  used: '这个工作码已经用过了，请找发码的人重新发一个',
  expired: '这个工作码已经过期了，请找发码的人重新发一个',
  revoked: '这个工作码已经作废了，请找发码的人重新发一个',
}

/**
 * 工作人员绑定: whoever enters a staff code gets its role on its organisation under their own
 * WeChat identity. Like a household bind: a code that does not work is answered (the failed try
 * must commit) and counts against the same hourly limit; two people using one code at once meet
 * at the conditional UPDATE and only one gets the role. A hand-over code also ends the role of
 * whoever holds it on that organisation now, in the same transaction.
 */
export async function bindStaff(
  db: Db,
  openid: string,
  input: { code: string; displayName: string },
  contentCheck: ContentCheck,
): Promise<StaffBindResult> {
  const failures = await admitBindAttempt(db, openid, '工作码输错次数太多，请一小时后再试，或请发码的人帮忙')
  const refuse = async (reason: RefusedCode): Promise<StaffBindResult> => {
    const triesLeft = await recordFailedBind(db, openid, `staff:${reason}`, failures)
    return { bound: false, reason, message: REFUSED_MESSAGES[reason], triesLeft }
  }
  const code = normaliseInviteCode(input.code)
  if (!looksLikeInviteCode(code)) return refuse('wrong')
  const [invite] = await db
    .select({ invite: staffInvites, expired: sql<boolean>`${staffInvites.expiresAt} <= now()` })
    .from(staffInvites)
    .where(inArray(staffInvites.codeHash, codeHashCandidates(code)))
  if (!invite) return refuse('wrong')
  if (invite.invite.usedAt) return refuse('used')
  if (invite.invite.revokedAt) return refuse('revoked')
  if (invite.expired) return refuse('expired')
  const [claimed] = await db
    .update(staffInvites)
    .set({ usedAt: sql`now()` })
    .where(and(eq(staffInvites.id, invite.invite.id), isNull(staffInvites.usedAt), isNull(staffInvites.revokedAt), gt(staffInvites.expiresAt, sql`now()`)))
    .returning()
  if (!claimed) return refuse('used')

  await requireCleanText(contentCheck, input.displayName, openid)
  await db.insert(users).values({ openid, displayName: input.displayName }).onConflictDoNothing()
  const role = claimed.role as StaffRole
  const org = await findOrg(db, claimed.orgId)
  if (claimed.handOver) {
    const ended = await db
      .update(roleGrants)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(roleGrants.orgId, org.id), eq(roleGrants.role, role), isNull(roleGrants.revokedAt), sql`${roleGrants.openid} <> ${openid}`))
      .returning({ openid: roleGrants.openid })
    for (const holder of ended) {
      await recordAudit(db, { actorOpenid: openid, action: 'role.revoke', orgId: org.id, before: { role, openid: holder.openid }, after: { handedOverTo: openid } })
    }
  }
  const [created] = await db.insert(roleGrants).values({ openid, role, orgId: org.id }).onConflictDoNothing().returning({ id: roleGrants.id })
  const [grant] = created
    ? [created]
    : await db
        .select({ id: roleGrants.id })
        .from(roleGrants)
        .where(and(eq(roleGrants.openid, openid), eq(roleGrants.role, role), eq(roleGrants.orgId, org.id), isNull(roleGrants.revokedAt)))
  await db.update(staffInvites).set({ grantId: grant.id }).where(eq(staffInvites.id, claimed.id))
  await recordAudit(db, { actorOpenid: openid, action: 'staff.bind', orgId: org.id, after: { role, openid, name: input.displayName, tail: claimed.codeTail } })
  return { bound: true, role, roleLabel: ROLE_LABELS[role], org: orgRef(org) }
}
