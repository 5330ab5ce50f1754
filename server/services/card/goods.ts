import { and, asc, eq, gte, ne, sql } from 'drizzle-orm'
import type { GoodsList, GoodsView } from '../../../src/core/contracts/card'
import { AppError } from '../../../src/core/errors'
import type { Db } from '../../store/database'
import { goods } from '../../store/schema'
import { loadCaller } from '../shared/caller'
import { resolveShop, shopRef } from './shop-scope'

const goodsView = {
  id: goods.id,
  name: goods.name,
  pointsPrice: goods.pointsPrice,
  stock: goods.stock,
  onShelf: goods.onShelf,
}

/** The goods of the caller's shop (on and off the shelf). */
export async function listGoods(db: Db, openid: string, input: { shopId?: string }): Promise<GoodsList> {
  const caller = await loadCaller(db, openid)
  const shop = await resolveShop(db, caller, 'manageGoods', input.shopId)
  const rows = await db.select(goodsView).from(goods).where(eq(goods.shopId, shop.id)).orderBy(asc(goods.id))
  return { shop: shopRef(shop), goods: rows }
}

export type GoodsChange = {
  shopId?: string
  goodsId?: number
  name: string
  pointsPrice: number
  onShelf: boolean
  stockDelta: number
}

/**
 * A clerk or cadre adds a goods item or changes one. Stock moves by a delta (restock or write-off) in
 * the same conditional UPDATE that keeps it at zero or above, so an edit never overwrites the stock
 * that redemptions took in the meantime.
 */
export async function saveGoods(tx: Db, openid: string, input: GoodsChange): Promise<GoodsView> {
  const caller = await loadCaller(tx, openid)
  const shop = await resolveShop(tx, caller, 'manageGoods', input.shopId)
  const sameName = await tx
    .select({ id: goods.id })
    .from(goods)
    .where(and(eq(goods.shopId, shop.id), eq(goods.name, input.name), input.goodsId ? ne(goods.id, input.goodsId) : undefined))
  if (sameName.length > 0) throw new AppError('INVALID_INPUT', `本超市已经有“${input.name}”了`)

  if (input.goodsId === undefined) {
    if (input.stockDelta < 0) throw new AppError('INVALID_INPUT', '新商品的库存不能是负数')
    const [created] = await tx
      .insert(goods)
      .values({ shopId: shop.id, name: input.name, pointsPrice: input.pointsPrice, onShelf: input.onShelf, stock: input.stockDelta })
      .returning(goodsView)
    return created
  }
  const [updated] = await tx
    .update(goods)
    .set({
      name: input.name,
      pointsPrice: input.pointsPrice,
      onShelf: input.onShelf,
      stock: sql`${goods.stock} + ${input.stockDelta}`,
      updatedAt: new Date(),
    })
    .where(and(eq(goods.id, input.goodsId), eq(goods.shopId, shop.id), gte(sql`${goods.stock} + ${input.stockDelta}`, 0)))
    .returning(goodsView)
  if (updated) return updated
  const [item] = await tx.select().from(goods).where(and(eq(goods.id, input.goodsId), eq(goods.shopId, shop.id)))
  if (!item) throw new AppError('NOT_FOUND', '本超市没有这件商品')
  throw new AppError('INSUFFICIENT_STOCK', `“${item.name}”只剩 ${item.stock} 件，不能减这么多`)
}
