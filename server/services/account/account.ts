import { and, eq, ilike, or, type SQL } from 'drizzle-orm'
import type { HouseholdList, OrgRef, RoleView, WhoAmI } from '../../../src/core/contracts/account'
import { AppError } from '../../../src/core/errors'
import { memberKindAt } from '../../../src/core/member-kind'
import type { OrgKind } from '../../../src/core/org'
import { mayActOn } from '../../../src/core/policy'
import { ROLE_LABELS, type Role } from '../../../src/core/roles'
import { workEntriesFor } from '../../../src/core/work-entries'
import type { Db } from '../../store/database'
import { householdById, householdsUnder, selectHouseholdViews } from '../../store/household-views'
import { households, orgs, users } from '../../store/schema'
import { findCaller, loadCaller } from '../shared/caller'
import { photoFolderOf } from '../shared/photo-folder'
import { selectMerchantViews } from '../merchant/merchants'

function roleView(role: Role, org: OrgRef): RoleView {
  return { role, label: ROLE_LABELS[role], org, entries: workEntriesFor({ role, org }) }
}

/** Who am I: my roles with their organisations and, for a villager, my household; for a shop owner, my merchant. */
export async function whoami(db: Db, openid: string): Promise<WhoAmI> {
  const caller = await findCaller(db, openid)
  if (!caller) return { registered: false, openid }
  const [household] = caller.householdId ? await selectHouseholdViews(db, householdById(caller.householdId)) : []
  const roles = caller.grants.map((g) => roleView(g.role, { id: g.org.id, name: g.org.name, kind: g.org.kind }))
  const [merchant] = caller.merchantId ? await selectMerchantViews(db, eq(households.id, caller.merchantId)) : []
  if (merchant) roles.unshift(roleView('merchant_owner', merchant.alliance))
  if (household) roles.unshift(roleView('villager', household.village))
  const [user] = await db.select({ elderMode: users.elderMode }).from(users).where(eq(users.openid, openid))
  return { registered: true, openid, displayName: caller.displayName, elderMode: user.elderMode, roles, household: household ?? null, merchant: merchant ?? null, photoFolder: photoFolderOf(openid) }
}

/** Turns 长辈模式 on or off for this user, on every device they use. */
export async function setElderMode(db: Db, openid: string, on: boolean): Promise<{ elderMode: boolean }> {
  await loadCaller(db, openid)
  await db.update(users).set({ elderMode: on }).where(eq(users.openid, openid))
  return { elderMode: on }
}

/** The households of one organisation within the caller's scope (an alliance's merchants), for cadres and scorers. */
export async function listHouseholds(
  db: Db,
  openid: string,
  input: { orgId: string; search?: string },
): Promise<HouseholdList> {
  const caller = await loadCaller(db, openid)
  const [org] = await db.select().from(orgs).where(eq(orgs.id, input.orgId))
  if (!org) throw new AppError('NOT_FOUND', '没有找到这个村或网格')
  if (!mayActOn(caller.grants, 'viewHouseholds', [org.path])) {
    throw new AppError('FORBIDDEN', '您只能查看自己负责范围内的农户')
  }
  const search = input.search?.trim()
  const matches: SQL | undefined = search
    ? or(ilike(households.headName, containing(search)), ilike(households.houseNo, containing(search)), ilike(households.tradeName, containing(search)))
    : undefined
  return {
    org: { id: org.id, name: org.name, kind: org.kind as OrgKind },
    // An alliance's are its merchants: 入户评分 lists them for its committee and inspectors.
    households: await selectHouseholdViews(db, and(householdsUnder(org.path, memberKindAt(org.kind as OrgKind)), matches)),
  }
}

/** A LIKE pattern matching `text` literally anywhere. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`
}
