import { randomBytes } from 'node:crypto'
import { and, eq, gte, sql } from 'drizzle-orm'
import { basketTotal, mergeBasket, type BasketLine } from '../../../src/core/card/redemption'
import { readCardToken, type CardClaims } from '../../../src/core/card/token'
import type { CardHolder, Redemption } from '../../../src/core/contracts/card'
import { AppError } from '../../../src/core/errors'
import { maskName } from '../../../src/core/mask'
import type { Db } from '../../store/database'
import { appendLedgerEntry } from '../../store/ledger'
import { goods, households, orgs, redemptionItems, redemptions, usedCardTokens } from '../../store/schema'
import { cardTokenSigner } from './card-key'
import { loadCaller } from '../shared/caller'
import { resolveShop, shopServesVillage, type Shop } from './shop-scope'

/** A clerk reads a scanned or pasted token: whose card (masked) and the balance. The token stays unused. */
export async function readHolder(
  db: Db,
  openid: string,
  input: { token: string; shopId?: string },
  now = new Date(),
): Promise<CardHolder> {
  const caller = await loadCaller(db, openid)
  const shop = await resolveShop(db, caller, 'redeemAtShop', input.shopId)
  const claims = await acceptableToken(db, shop, input.token, now)
  const [used] = await db.select().from(usedCardTokens).where(eq(usedCardTokens.jti, claims.jti))
  if (used) throw new AppError('TOKEN_USED')
  return cardHolder(db, claims.householdId, new Date(claims.expiresAt).toISOString())
}

/**
 * Redeem goods with a card token, all in the action's one transaction: the token is used up (its row
 * is the proof), each goods' stock is taken by a conditional UPDATE that refuses to go below zero, the
 * household is debited by a ledger entry that refuses to overdraw, and the receipt is written. Any
 * refusal rolls all of it back.
 */
export async function redeem(
  tx: Db,
  openid: string,
  input: { token: string; shopId?: string; items: BasketLine[] },
  now = new Date(),
): Promise<Redemption> {
  const caller = await loadCaller(tx, openid)
  const shop = await resolveShop(tx, caller, 'redeemAtShop', input.shopId)
  const claims = await acceptableToken(tx, shop, input.token, now)
  const used = await tx
    .insert(usedCardTokens)
    .values({ jti: claims.jti, householdId: claims.householdId, usedAt: now })
    .onConflictDoNothing()
    .returning()
  if (used.length === 0) throw new AppError('TOKEN_USED')

  const lines = []
  for (const line of mergeBasket(input.items)) {
    lines.push({ ...(await takeStock(tx, shop, line)), quantity: line.quantity })
  }
  const pointsSpent = basketTotal(lines)
  const entry = await appendLedgerEntry(tx, {
    householdId: claims.householdId,
    points: -pointsSpent,
    kind: 'redemption',
    note: `${shop.name}：${lines.map((l) => `${l.name}×${l.quantity}`).join('、')}`,
    actorOpenid: openid,
    mustStayNonNegative: true,
    at: now,
  })

  const receiptId = newReceiptId()
  await tx.insert(redemptions).values({
    id: receiptId,
    shopId: shop.id,
    householdId: claims.householdId,
    clerkOpenid: openid,
    pointsSpent,
    ledgerEntryId: entry.id,
    tokenJti: claims.jti,
    createdAt: now,
  })
  await tx.insert(redemptionItems).values(
    lines.map((l) => ({ redemptionId: receiptId, goodsId: l.goodsId, goodsName: l.name, unitPoints: l.unitPoints, quantity: l.quantity })),
  )
  return { receiptId, pointsSpent, balanceAfter: entry.balanceAfter }
}

/** The household behind a token as a clerk may see it. */
export async function cardHolder(db: Db, householdId: string, expiresAt: string): Promise<CardHolder> {
  const [row] = await db
    .select({ name: households.headName, balance: households.balance, villageName: orgs.name })
    .from(households)
    .innerJoin(orgs, eq(orgs.id, households.villageId))
    .where(eq(households.id, householdId))
  if (!row) throw new AppError('TOKEN_INVALID')
  return { householdName: maskName(row.name), villageName: row.villageName, balance: row.balance, expiresAt }
}

/** A token signed with our key, not expired, of a household whose village this shop serves. */
async function acceptableToken(db: Db, shop: Shop, token: string, now: Date): Promise<CardClaims> {
  const reading = readCardToken(token, cardTokenSigner(), now.getTime())
  if (!reading.ok) throw new AppError(reading.code)
  const [household] = await db
    .select({ villageId: households.villageId })
    .from(households)
    .where(eq(households.id, reading.claims.householdId))
  if (!household) throw new AppError('TOKEN_INVALID')
  if (!(await shopServesVillage(db, shop.id, household.villageId))) throw new AppError('TOKEN_FOREIGN')
  return reading.claims
}

/** Takes `quantity` of one goods from the shelf, or says why not. */
async function takeStock(tx: Db, shop: Shop, line: BasketLine) {
  const [taken] = await tx
    .update(goods)
    .set({ stock: sql`${goods.stock} - ${line.quantity}`, updatedAt: new Date() })
    .where(and(eq(goods.id, line.goodsId), eq(goods.shopId, shop.id), eq(goods.onShelf, true), gte(goods.stock, line.quantity)))
    .returning({ goodsId: goods.id, name: goods.name, unitPoints: goods.pointsPrice })
  if (taken) return taken
  const [item] = await tx.select().from(goods).where(and(eq(goods.id, line.goodsId), eq(goods.shopId, shop.id)))
  if (!item) throw new AppError('NOT_FOUND', '本超市没有这件商品')
  if (!item.onShelf) throw new AppError('GOODS_OFF_SHELF', `“${item.name}”已经下架，不能兑换`)
  throw new AppError('INSUFFICIENT_STOCK', `“${item.name}”库存不够了，只剩 ${item.stock} 件`)
}

const RECEIPT_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'

function newReceiptId(): string {
  return `R${Array.from(randomBytes(12), (b) => RECEIPT_ALPHABET[b % 36]).join('')}`
}
