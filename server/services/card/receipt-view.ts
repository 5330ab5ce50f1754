import { asc, eq } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { ReceiptView } from '../../../src/core/contracts/card'
import { maskName } from '../../../src/core/mask'
import type { Db } from '../../store/database'
import { households, ledgerEntries, orgs, redemptionItems, redemptionReversals, redemptions, users } from '../../store/schema'

const shop = alias(orgs, 'shop')
const village = alias(orgs, 'village')
const clerk = alias(users, 'clerk')
const reverser = alias(users, 'reverser')

/** One receipt as both phones show it (the household masked), or null when there is none. */
export async function readReceipt(db: Db, receiptId: string): Promise<ReceiptView | null> {
  const [row] = await db
    .select({
      id: redemptions.id,
      shopId: shop.id,
      shopName: shop.name,
      householdName: households.headName,
      villageName: village.name,
      pointsSpent: redemptions.pointsSpent,
      balanceAfter: ledgerEntries.balanceAfter,
      redeemedAt: redemptions.createdAt,
      clerkName: clerk.displayName,
      reversedAt: redemptionReversals.createdAt,
      reversedBy: reverser.displayName,
      reason: redemptionReversals.reason,
    })
    .from(redemptions)
    .innerJoin(shop, eq(shop.id, redemptions.shopId))
    .innerJoin(households, eq(households.id, redemptions.householdId))
    .innerJoin(village, eq(village.id, households.villageId))
    .innerJoin(ledgerEntries, eq(ledgerEntries.id, redemptions.ledgerEntryId))
    .innerJoin(clerk, eq(clerk.openid, redemptions.clerkOpenid))
    .leftJoin(redemptionReversals, eq(redemptionReversals.redemptionId, redemptions.id))
    .leftJoin(reverser, eq(reverser.openid, redemptionReversals.actorOpenid))
    .where(eq(redemptions.id, receiptId))
  if (!row) return null
  const lines = await db
    .select()
    .from(redemptionItems)
    .where(eq(redemptionItems.redemptionId, receiptId))
    .orderBy(asc(redemptionItems.goodsId))
  return {
    receiptId: row.id,
    shop: { id: row.shopId, name: row.shopName, kind: 'shop' },
    householdName: maskName(row.householdName),
    villageName: row.villageName,
    lines: lines.map((l) => ({
      goodsId: l.goodsId,
      name: l.goodsName,
      unitPoints: l.unitPoints,
      quantity: l.quantity,
      points: l.unitPoints * l.quantity,
    })),
    pointsSpent: row.pointsSpent,
    balanceAfter: row.balanceAfter,
    redeemedAt: row.redeemedAt.toISOString(),
    clerkName: row.clerkName,
    reversal: row.reversedAt ? { at: row.reversedAt.toISOString(), byName: row.reversedBy ?? '', reason: row.reason ?? '' } : null,
  }
}
