import { and, eq, inArray } from 'drizzle-orm'
import type { OrgRef } from '../../../src/core/contracts/account'
import type { ShopVillagesView } from '../../../src/core/contracts/org'
import { byName } from '../../../src/core/by-name'
import { AppError } from '../../../src/core/errors'
import { pathCovers, streetPathOf } from '../../../src/core/org'
import { mayKeepUnit } from '../../../src/core/org-units'
import type { Db } from '../../store/database'
import { orgs, shopVillages } from '../../store/schema'
import { loadCaller } from '../shared/caller'
import { recordAudit } from './audit-trail'
import { findOrg, orgRef } from './org-scope'

/**
 * 服务的村: the villages whose households may redeem at a shop. The shop's keeper sets the whole
 * list; each village added or taken off must be one where the caller keeps shops (a cadre their own
 * village, the admin any village of the street) and, when added, a live village of the shop's street.
 */
export async function setShopVillages(db: Db, openid: string, input: { shopId: string; villageIds: string[] }): Promise<ShopVillagesView> {
  const caller = await loadCaller(db, openid)
  const shop = await findOrg(db, input.shopId, { lock: true })
  if (shop.kind !== 'shop') throw new AppError('NOT_FOUND', '没有找到这个积分超市')
  if (!mayKeepUnit(caller.grants, 'shop', shop.path)) throw new AppError('FORBIDDEN', '您只能管理自己村里的积分超市')
  if (shop.retiredAt) throw new AppError('INVALID_INPUT', '这个积分超市已经撤销了')
  const before = await servedVillages(db, [shop.id])
  const current = new Set((before.get(shop.id) ?? []).map((v) => v.id))
  const wanted = new Set(input.villageIds)
  const added = [...wanted].filter((id) => !current.has(id))
  const removed = [...current].filter((id) => !wanted.has(id))
  if (added.length === 0 && removed.length === 0) return { shop: orgRef(shop), villages: before.get(shop.id) ?? [] }

  const changed = await db.select().from(orgs).where(inArray(orgs.id, [...added, ...removed]))
  for (const id of added) {
    const village = changed.find((v) => v.id === id)
    if (!village || village.kind !== 'village' || village.retiredAt || !pathCovers(streetPathOf(shop.path), village.path)) {
      throw new AppError('INVALID_INPUT', '只能选本街道在用的村')
    }
  }
  for (const village of changed) {
    if (!mayKeepUnit(caller.grants, 'shop', village.path)) throw new AppError('FORBIDDEN', `您不负责${village.name}，不能替它设置`)
  }
  if (removed.length > 0) await db.delete(shopVillages).where(and(eq(shopVillages.shopId, shop.id), inArray(shopVillages.villageId, removed)))
  if (added.length > 0) await db.insert(shopVillages).values(added.map((villageId) => ({ shopId: shop.id, villageId })))
  const after = (await servedVillages(db, [shop.id])).get(shop.id) ?? []
  await recordAudit(db, {
    actorOpenid: openid,
    action: 'shop.villages',
    orgId: shop.id,
    before: { villages: (before.get(shop.id) ?? []).map((v) => v.name) },
    after: { villages: after.map((v) => v.name) },
  })
  return { shop: orgRef(shop), villages: after }
}

/** The villages each of these shops serves, by name. */
export async function servedVillages(db: Db, shopIds: string[]): Promise<Map<string, OrgRef[]>> {
  const served = new Map<string, OrgRef[]>()
  if (shopIds.length === 0) return served
  const rows = await db
    .select({ shopId: shopVillages.shopId, id: orgs.id, name: orgs.name, kind: orgs.kind })
    .from(shopVillages)
    .innerJoin(orgs, eq(orgs.id, shopVillages.villageId))
    .where(inArray(shopVillages.shopId, shopIds))
  for (const row of rows.sort((a, b) => byName(a.name, b.name))) served.set(row.shopId, [...(served.get(row.shopId) ?? []), orgRef(row)])
  return served
}
