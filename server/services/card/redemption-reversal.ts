import { asc, eq, sql } from 'drizzle-orm'
import { clerkMayReverse } from '../../../src/core/card/redemption'
import type { Reversal } from '../../../src/core/contracts/card'
import { AppError } from '../../../src/core/errors'
import { grantsFor } from '../../../src/core/policy'
import { pathCovers } from '../../../src/core/org'
import type { Db } from '../../store/database'
import { appendLedgerEntry } from '../../store/ledger'
import { goods, orgs, redemptionItems, redemptionReversals, redemptions } from '../../store/schema'
import { loadCaller } from '../shared/caller'

/**
 * Reverse a redemption: the goods go back on the shelf and the points come back through a
 * `redemption_reversal` entry that names the original entry. A clerk may do it on the day of the
 * redemption, a cadre of the shop's village any time; a receipt is reversed at most once.
 */
export async function reverseRedemption(
  tx: Db,
  openid: string,
  input: { receiptId: string; reason?: string },
  now = new Date(),
): Promise<Reversal> {
  const caller = await loadCaller(tx, openid)
  // Locking the receipt row makes concurrent reversals of one receipt wait for each other.
  const [receipt] = await tx
    .select({ redemption: redemptions, shopPath: orgs.path, shopName: orgs.name })
    .from(redemptions)
    .innerJoin(orgs, eq(orgs.id, redemptions.shopId))
    .where(eq(redemptions.id, input.receiptId))
    .for('update', { of: redemptions })
  if (!receipt) throw new AppError('NOT_FOUND', '没有找到这张小票')
  const { redemption } = receipt

  const grants = grantsFor(caller.grants, 'reverseRedemption').filter((g) => pathCovers(g.org.path, receipt.shopPath))
  if (grants.length === 0) throw new AppError('FORBIDDEN', '您不负责这个积分超市')
  const anyDay = grants.some((g) => g.role !== 'shop_clerk')
  if (!anyDay && !clerkMayReverse(redemption.createdAt, now)) {
    throw new AppError('FORBIDDEN', '店员只能撤销当天的兑换，请找村干部撤销')
  }
  const [already] = await tx.select().from(redemptionReversals).where(eq(redemptionReversals.redemptionId, redemption.id))
  if (already) throw new AppError('ALREADY_REVERSED')

  const lines = await tx
    .select()
    .from(redemptionItems)
    .where(eq(redemptionItems.redemptionId, redemption.id))
    .orderBy(asc(redemptionItems.goodsId))
  for (const line of lines) {
    await tx
      .update(goods)
      .set({ stock: sql`${goods.stock} + ${line.quantity}`, updatedAt: now })
      .where(eq(goods.id, line.goodsId))
  }
  const entry = await appendLedgerEntry(tx, {
    householdId: redemption.householdId,
    points: redemption.pointsSpent,
    kind: 'redemption_reversal',
    note: `撤销${receipt.shopName}兑换（小票 ${redemption.id}）${input.reason ? `：${input.reason}` : ''}`,
    actorOpenid: openid,
    reversesEntryId: redemption.ledgerEntryId,
  })
  await tx.insert(redemptionReversals).values({
    redemptionId: redemption.id,
    ledgerEntryId: entry.id,
    actorOpenid: openid,
    reason: input.reason ?? '',
  })
  return { receiptId: redemption.id, pointsReturned: redemption.pointsSpent, balanceAfter: entry.balanceAfter }
}
