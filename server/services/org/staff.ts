import { and, asc, eq, isNull, max, sql } from 'drizzle-orm'
import type { StaffList, StaffMemberView } from '../../../src/core/contracts/org'
import { AppError } from '../../../src/core/errors'
import { pathCovers, type OrgKind } from '../../../src/core/org'
import { ROLE_LABELS, ROLE_ORG_KIND, STAFF_ROLES, type StaffRole } from '../../../src/core/roles'
import { INVITABLE_ROLES, mayInvite, mayViewStaff } from '../../../src/core/staff-policy'
import type { Db } from '../../store/database'
import { idempotencyKeys, orgs, roleGrants, users } from '../../store/schema'
import { loadCaller, type Caller } from '../shared/caller'
import { recordAudit } from './audit-trail'
import { findOrg, KEEPER_ROLES, orgOrOwn, orgRef } from './org-scope'

/**
 * 工作人员: who holds which role on an organisation and everything under it, with each person's
 * latest activity, and which roles the caller may invite there.
 */
export async function listStaff(db: Db, openid: string, input: { orgId?: string }): Promise<StaffList> {
  const caller = await loadCaller(db, openid)
  const root = await orgOrOwn(db, caller, input.orgId, { roles: KEEPER_ROLES, refusal: '只有街道管理员和村干部能管理工作人员' })
  if (!mayViewStaff(caller.grants, root)) throw new AppError('FORBIDDEN', '您只能看自己负责的单位的工作人员')
  const lastActive = db
    .select({ openid: idempotencyKeys.openid, at: max(idempotencyKeys.createdAt).as('last_active_at') })
    .from(idempotencyKeys)
    .groupBy(idempotencyKeys.openid)
    .as('last_active')
  const rows = await db
    .select({ grant: roleGrants, displayName: users.displayName, org: orgs, lastActiveAt: lastActive.at })
    .from(roleGrants)
    .innerJoin(orgs, eq(orgs.id, roleGrants.orgId))
    .innerJoin(users, eq(users.openid, roleGrants.openid))
    .leftJoin(lastActive, eq(lastActive.openid, roleGrants.openid))
    .where(and(isNull(roleGrants.revokedAt), sql`starts_with(${orgs.path}, ${root.path})`))
    .orderBy(asc(orgs.path), asc(roleGrants.id))
  const invitable = STAFF_ROLES.filter((role) => caller.grants.some((g) => INVITABLE_ROLES[g.role].includes(role) && pathCovers(g.org.path, root.path)))
  return {
    org: orgRef(root),
    people: rows.map((r) => memberView(caller, r.grant, r.displayName, r.org, r.lastActiveAt)),
    mayInvite: invitable.map((role) => ({ role, label: ROLE_LABELS[role], orgKinds: ROLE_ORG_KIND[role] as OrgKind[] })),
  }
}

/** 撤销角色: the person loses the role at once; the row stays with its end time. Never one's own. */
export async function revokeRole(db: Db, openid: string, input: { grantId: number }): Promise<StaffMemberView> {
  const caller = await loadCaller(db, openid)
  const [row] = await db
    .select({ grant: roleGrants, displayName: users.displayName })
    .from(roleGrants)
    .innerJoin(users, eq(users.openid, roleGrants.openid))
    .where(eq(roleGrants.id, input.grantId))
  if (!row) throw new AppError('NOT_FOUND', '没有找到这个角色')
  const org = await findOrg(db, row.grant.orgId)
  if (!mayInvite(caller.grants, row.grant.role as StaffRole, { kind: org.kind as OrgKind, path: org.path })) {
    throw new AppError('FORBIDDEN', '您不能撤销这个人的角色')
  }
  if (row.grant.openid === openid) throw new AppError('INVALID_INPUT', '不能撤销自己的角色，请另一位有权限的人来做')
  const [revoked] = await db
    .update(roleGrants)
    .set({ revokedAt: sql`coalesce(${roleGrants.revokedAt}, now())` })
    .where(eq(roleGrants.id, row.grant.id))
    .returning()
  if (!row.grant.revokedAt) {
    await recordAudit(db, {
      actorOpenid: openid,
      action: 'role.revoke',
      orgId: org.id,
      before: { role: row.grant.role, openid: row.grant.openid, name: row.displayName },
    })
  }
  return memberView(caller, revoked, row.displayName, org, null)
}

function memberView(
  caller: Caller,
  grant: typeof roleGrants.$inferSelect,
  displayName: string,
  org: typeof orgs.$inferSelect,
  lastActiveAt: Date | string | null,
): StaffMemberView {
  const role = grant.role as StaffRole
  return {
    grantId: grant.id,
    displayName,
    role,
    roleLabel: ROLE_LABELS[role],
    org: orgRef(org),
    since: grant.createdAt.toISOString(),
    lastActiveAt: lastActiveAt === null ? null : new Date(lastActiveAt).toISOString(),
    mayRevoke: grant.openid !== caller.openid && grant.revokedAt === null && mayInvite(caller.grants, role, { kind: org.kind as OrgKind, path: org.path }),
  }
}
