import { randomBytes } from 'node:crypto'
import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import type { IssuedStaffInvite, StaffInviteView } from '../../../src/core/contracts/org'
import { AppError } from '../../../src/core/errors'
import { ORG_KIND_LABELS, type OrgKind } from '../../../src/core/org'
import { INVITE_VALID_DAYS, inviteCodeFrom, inviteCodeTail } from '../../../src/core/roster/invite-code'
import { ROLE_LABELS, ROLE_ORG_KIND, type StaffRole } from '../../../src/core/roles'
import { mayInvite, mayViewStaff, roleFitsOrg } from '../../../src/core/staff-policy'
import type { Db } from '../../store/database'
import { orgs, roleGrants, staffInvites, users } from '../../store/schema'
import { loadCaller, type Caller } from '../shared/caller'
import { inviteStatus } from '../account/invites'
import { codeHash } from '../shared/code-hash'
import { recordAudit } from './audit-trail'
import { findOrg, KEEPER_ROLES, orgOrOwn, orgRef, type OrgRow } from './org-scope'

type InviteRow = typeof staffInvites.$inferSelect

/**
 * Writes a one-time staff code for `role` on `org` and answers it: the only place the code appears.
 * Kept like a household invite (its keyed hash and last 2 characters, 7 days). Checks no permission:
 * `issueStaffInvite` does, and `npm run setup` is the deployer's own.
 */
export async function createStaffInvite(
  db: Db,
  invite: { role: StaffRole; org: OrgRow; issuedBy: string | null; handOver: boolean },
): Promise<IssuedStaffInvite> {
  const code = inviteCodeFrom((count) => randomBytes(count))
  const [row] = await db
    .insert(staffInvites)
    .values({
      role: invite.role,
      orgId: invite.org.id,
      codeHash: codeHash(code),
      codeTail: inviteCodeTail(code),
      issuedBy: invite.issuedBy,
      handOver: invite.handOver,
      expiresAt: sql`now() + make_interval(days => ${INVITE_VALID_DAYS})`,
    })
    .returning()
  await recordAudit(db, {
    actorOpenid: invite.issuedBy,
    action: 'staff.invite',
    orgId: invite.org.id,
    after: { role: invite.role, tail: row.codeTail, handOver: invite.handOver },
  })
  return { ...staffInviteView(row, invite.org, null), code }
}

/** 发工作码: the admin for anyone under the street; a cadre for its village's grid leaders, clerks and accountant. */
export async function issueStaffInvite(
  db: Db,
  openid: string,
  input: { role: StaffRole; orgId: string; handOver: boolean },
): Promise<IssuedStaffInvite> {
  const caller = await loadCaller(db, openid)
  const org = await findOrg(db, input.orgId)
  requireMayInvite(caller, input.role, org)
  if (org.retiredAt) throw new AppError('INVALID_INPUT', `“${org.name}”已经撤销了，不能再发工作码`)
  return createStaffInvite(db, { role: input.role, org, issuedBy: openid, handOver: input.handOver })
}

/** 作废工作码: an unused code stops working at once; a used one stays (revoke the role instead). */
export async function revokeStaffInvite(db: Db, openid: string, input: { inviteId: number }): Promise<StaffInviteView> {
  const caller = await loadCaller(db, openid)
  const [invite] = await db.select().from(staffInvites).where(eq(staffInvites.id, input.inviteId))
  if (!invite) throw new AppError('NOT_FOUND', '没有找到这个工作码')
  const org = await findOrg(db, invite.orgId)
  requireMayInvite(caller, invite.role as StaffRole, org)
  if (invite.usedAt) throw new AppError('INVALID_INPUT', '这个工作码已经用过了，不能作废；如要收回，请撤销这个人的角色')
  const [revoked] = await db
    .update(staffInvites)
    .set({ revokedAt: sql`coalesce(${staffInvites.revokedAt}, now())` })
    .where(and(eq(staffInvites.id, invite.id), isNull(staffInvites.usedAt)))
    .returning()
  if (!revoked) throw new AppError('INVALID_INPUT', '这个工作码刚刚被用掉了，不能作废')
  if (!invite.revokedAt) {
    await recordAudit(db, { actorOpenid: openid, action: 'staff.inviteRevoke', orgId: org.id, before: { role: invite.role, tail: invite.codeTail } })
  }
  return staffInviteView(revoked, org, null)
}

/** The staff codes issued on an organisation and everything under it, newest first, with who used each. */
export async function listStaffInvites(db: Db, openid: string, input: { orgId?: string }): Promise<StaffInviteView[]> {
  const caller = await loadCaller(db, openid)
  const root = await orgOrOwn(db, caller, input.orgId, { roles: KEEPER_ROLES, refusal: '只有街道管理员和村干部能发工作码' })
  if (!mayViewStaff(caller.grants, root)) throw new AppError('FORBIDDEN', '您只能看自己负责的单位的工作码')
  const rows = await db
    .select({ invite: staffInvites, org: orgs, usedBy: users.displayName })
    .from(staffInvites)
    .innerJoin(orgs, eq(orgs.id, staffInvites.orgId))
    .leftJoin(roleGrants, eq(roleGrants.id, staffInvites.grantId))
    .leftJoin(users, eq(users.openid, roleGrants.openid))
    .where(sql`starts_with(${orgs.path}, ${root.path})`)
    .orderBy(desc(staffInvites.id))
    .limit(100)
  return rows.map((r) => staffInviteView(r.invite, r.org, r.usedBy))
}

function requireMayInvite(caller: Caller, role: StaffRole, org: OrgRow): void {
  const kind = org.kind as OrgKind
  if (mayInvite(caller.grants, role, { kind, path: org.path })) return
  if (!roleFitsOrg(role, kind) && caller.grants.some((g) => g.role === 'admin' || g.role === 'cadre')) {
    const fits = ROLE_ORG_KIND[role].map((k) => ORG_KIND_LABELS[k as OrgKind]).join('或')
    throw new AppError('INVALID_INPUT', `${ROLE_LABELS[role]}要发在${fits}上，不能发在${ORG_KIND_LABELS[kind]}上`)
  }
  throw new AppError('FORBIDDEN', '您不能在这里发这个角色的工作码')
}

export function staffInviteView(invite: InviteRow, org: Pick<OrgRow, 'id' | 'name' | 'kind'>, usedBy: string | null): StaffInviteView {
  return {
    id: invite.id,
    role: invite.role as StaffRole,
    roleLabel: ROLE_LABELS[invite.role as StaffRole],
    org: orgRef(org),
    tail: invite.codeTail,
    handOver: invite.handOver,
    status: inviteStatus(invite),
    issuedAt: invite.createdAt.toISOString(),
    expiresAt: invite.expiresAt.toISOString(),
    usedBy,
  }
}
