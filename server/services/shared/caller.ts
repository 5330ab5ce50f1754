import { and, eq, isNull, notInArray, type AnyColumn, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { AppError } from '../../../src/core/errors'
import type { MemberKind } from '../../../src/core/member-kind'
import type { OrgKind } from '../../../src/core/org'
import type { Grant } from '../../../src/core/policy'
import type { StaffRole } from '../../../src/core/roles'
import type { Db } from '../../store/database'
import { householdMembers, orgs, roleGrants, users } from '../../store/schema'

/** Who is calling, as the database knows them: their grants, the household they belong to and the merchant they own. */
export type Caller = {
  openid: string
  displayName: string
  grants: Grant[]
  householdId: string | null
  merchantId: string | null
}

/** True when the member (a household or a merchant) is the caller's own: they are bound to it. */
export function isOwnMember(caller: Caller, memberId: string): boolean {
  return memberId === caller.householdId || memberId === caller.merchantId
}

/**
 * Rows of members other than the caller's own: the work lists leave out what the caller may not act
 * on (nobody decides or checks for their own household or shop), and 首页 counts by the same condition.
 */
export function othersThanOwn(memberColumn: AnyColumn, caller: Caller): SQL | undefined {
  const own = [caller.householdId, caller.merchantId].filter((id): id is string => id !== null)
  return own.length > 0 ? notInArray(memberColumn, own) : undefined
}

/** Resolves an openid (taken from the platform, never from the client) to a caller, or null. */
export async function findCaller(db: Db, openid: string): Promise<Caller | null> {
  const [user] = await db.select().from(users).where(eq(users.openid, openid))
  if (!user) return null
  const grantOrg = alias(orgs, 'grant_org')
  const grantRows = await db
    .select({ role: roleGrants.role, id: grantOrg.id, name: grantOrg.name, kind: grantOrg.kind, path: grantOrg.path })
    .from(roleGrants)
    .innerJoin(grantOrg, eq(grantOrg.id, roleGrants.orgId))
    .where(and(eq(roleGrants.openid, openid), isNull(roleGrants.revokedAt)))
    .orderBy(roleGrants.id)
  const memberships = await db
    .select({ memberId: householdMembers.householdId, kind: householdMembers.memberKind })
    .from(householdMembers)
    .where(and(eq(householdMembers.openid, openid), isNull(householdMembers.unboundAt)))
  const boundTo = (kind: MemberKind) => memberships.find((m) => m.kind === kind)?.memberId ?? null
  return {
    openid,
    displayName: user.displayName,
    grants: grantRows.map((r) => ({
      role: r.role as StaffRole,
      org: { id: r.id, name: r.name, kind: r.kind as OrgKind, path: r.path },
    })),
    householdId: boundTo('household'),
    merchantId: boundTo('merchant'),
  }
}

/** Like findCaller, for actions that need a registered caller. */
export async function loadCaller(db: Db, openid: string): Promise<Caller> {
  const caller = await findCaller(db, openid)
  if (!caller) throw new AppError('NOT_REGISTERED')
  return caller
}
