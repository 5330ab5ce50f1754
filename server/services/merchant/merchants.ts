import { randomUUID } from 'node:crypto'
import { and, asc, eq, type SQL } from 'drizzle-orm'
import type { MerchantView } from '../../../src/core/contracts/account'
import type { MerchantList } from '../../../src/core/contracts/merchant'
import { AppError } from '../../../src/core/errors'
import type { MerchantCategory } from '../../../src/core/member-kind'
import { mayActOn, type Permission } from '../../../src/core/policy'
import type { Db } from '../../store/database'
import { households, orgs } from '../../store/schema'
import { loadCaller, type Caller } from '../shared/caller'
import { recordAudit } from '../org/audit-trail'
import { orgRef, type OrgRow } from '../org/org-scope'

/** An alliance the caller may act on with `permission` (its committee, or the street's admin). */
export async function allianceInScope(db: Db, caller: Caller, allianceId: string, permission: Permission): Promise<OrgRow> {
  const [org] = await db.select().from(orgs).where(eq(orgs.id, allianceId))
  if (!org || org.kind !== 'alliance') throw new AppError('NOT_FOUND', '没有找到这个商家联盟')
  if (!mayActOn(caller.grants, permission, [org.path])) throw new AppError('FORBIDDEN', '您只能管理自己所在的商家联盟')
  return org
}

/**
 * 商家入盟: the committee adds a merchant to its alliance: a member of kind 'merchant' on the same
 * table, ledger and rules as households, whose "village" is the alliance. Its owner binds later with
 * a code the committee issues (account.issueInvite), as a household's members do.
 */
export async function addMerchant(
  db: Db,
  openid: string,
  input: { allianceId: string; tradeName: string; trade: MerchantCategory; ownerName: string; address: string },
): Promise<MerchantView> {
  const caller = await loadCaller(db, openid)
  const alliance = await allianceInScope(db, caller, input.allianceId, 'manageRoster')
  if (alliance.retiredAt) throw new AppError('INVALID_INPUT', `“${alliance.name}”已经撤销了，不能再加商家`)
  const [taken] = await db
    .select({ id: households.id })
    .from(households)
    .where(and(eq(households.villageId, alliance.id), eq(households.houseNo, input.address)))
  if (taken) throw new AppError('INVALID_INPUT', `“${input.address}”已经有一家商家了`)
  const [row] = await db
    .insert(households)
    .values({
      id: `m-${randomUUID()}`,
      memberKind: 'merchant',
      villageId: alliance.id,
      headName: input.ownerName,
      houseNo: input.address,
      shares: 0,
      tradeName: input.tradeName,
      category: input.trade,
    })
    .returning({ id: households.id })
  await recordAudit(db, { actorOpenid: openid, action: 'merchant.add', orgId: alliance.id, after: { tradeName: input.tradeName, trade: input.trade } })
  const [view] = await selectMerchantViews(db, eq(households.id, row.id))
  return view
}

/** 联盟商家: the alliance's merchants, for its committee, its inspectors and the street's admin. */
export async function listMerchants(db: Db, openid: string, input: { allianceId: string }): Promise<MerchantList> {
  const caller = await loadCaller(db, openid)
  const alliance = await allianceInScope(db, caller, input.allianceId, 'viewHouseholds')
  return { alliance: orgRef(alliance), merchants: await selectMerchantViews(db, eq(households.villageId, alliance.id)) }
}

/** Merchants with their alliance, by trade name. */
export async function selectMerchantViews(db: Db, where: SQL | undefined): Promise<MerchantView[]> {
  const rows = await db
    .select({ merchant: households, alliance: orgs })
    .from(households)
    .innerJoin(orgs, eq(orgs.id, households.villageId))
    .where(and(eq(households.memberKind, 'merchant'), where))
    .orderBy(asc(households.tradeName), asc(households.id))
  return rows.map(({ merchant, alliance }) => ({
    id: merchant.id,
    tradeName: merchant.tradeName!,
    trade: merchant.category as MerchantCategory,
    ownerName: merchant.headName,
    address: merchant.houseNo,
    balance: merchant.balance,
    alliance: orgRef(alliance),
  }))
}
