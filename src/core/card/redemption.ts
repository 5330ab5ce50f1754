import { localDay } from '../period'

export type BasketLine = { goodsId: number; quantity: number }

/** One line per goods, in goods-id order: the order rows are locked in, so parallel baskets never deadlock. */
export function mergeBasket(lines: readonly BasketLine[]): BasketLine[] {
  const byGoods = new Map<number, number>()
  for (const { goodsId, quantity } of lines) byGoods.set(goodsId, (byGoods.get(goodsId) ?? 0) + quantity)
  return [...byGoods.entries()].sort(([a], [b]) => a - b).map(([goodsId, quantity]) => ({ goodsId, quantity }))
}

/** The points a basket costs at the given unit prices. */
export function basketTotal(lines: readonly { unitPoints: number; quantity: number }[]): number {
  return lines.reduce((sum, line) => sum + line.unitPoints * line.quantity, 0)
}

/** A clerk may reverse a redemption only on the Shanghai day it was made; a cadre any time. */
export function clerkMayReverse(redeemedAt: Date, now: Date): boolean {
  return localDay(redeemedAt) === localDay(now)
}
