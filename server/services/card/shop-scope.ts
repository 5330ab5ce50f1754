import { and, eq, sql } from 'drizzle-orm'
import type { OrgRef } from '../../../src/core/contracts/account'
import { AppError } from '../../../src/core/errors'
import { grantsFor, mayActOn, type Permission } from '../../../src/core/policy'
import type { Db } from '../../store/database'
import { orgs, shopVillages } from '../../store/schema'
import type { Caller } from '../shared/caller'

export type Shop = { id: string; name: string; path: string }

export function shopRef(shop: Shop): OrgRef {
  return { id: shop.id, name: shop.name, kind: 'shop' }
}

/**
 * The shop the caller acts for with `permission`: the one named (which must lie in the caller's
 * scope), or else the only shop their grants cover (a clerk's own shop, a cadre's village shop).
 */
export async function resolveShop(db: Db, caller: Caller, permission: Permission, shopId?: string): Promise<Shop> {
  if (shopId) {
    const [shop] = await db
      .select({ id: orgs.id, name: orgs.name, path: orgs.path })
      .from(orgs)
      .where(and(eq(orgs.id, shopId), eq(orgs.kind, 'shop')))
    if (!shop) throw new AppError('NOT_FOUND', '没有找到这个积分超市')
    if (!mayActOn(caller.grants, permission, [shop.path])) throw new AppError('FORBIDDEN', '您不负责这个积分超市')
    return shop
  }
  const shops = new Map<string, Shop>()
  for (const grant of grantsFor(caller.grants, permission)) {
    const covered = await db
      .select({ id: orgs.id, name: orgs.name, path: orgs.path })
      .from(orgs)
      .where(and(eq(orgs.kind, 'shop'), sql`starts_with(${orgs.path}, ${grant.org.path})`))
    for (const shop of covered) shops.set(shop.id, shop)
  }
  if (shops.size === 0) throw new AppError('FORBIDDEN', '您不负责任何积分超市')
  if (shops.size > 1) throw new AppError('INVALID_INPUT', '您负责几个积分超市，请先选一个')
  return [...shops.values()][0]
}

/** True when the shop serves the households of this village. */
export async function shopServesVillage(db: Db, shopId: string, villageId: string): Promise<boolean> {
  const rows = await db
    .select({ shopId: shopVillages.shopId })
    .from(shopVillages)
    .where(and(eq(shopVillages.shopId, shopId), eq(shopVillages.villageId, villageId)))
  return rows.length > 0
}
