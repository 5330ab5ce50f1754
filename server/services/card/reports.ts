import { and, asc, eq, gte, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { receiptProblems } from '../../../src/core/card/reconciliation'
import { localDay, periodRange } from '../../../src/core/period'
import type { DailySummary, ReceiptView, Reconciliation } from '../../../src/core/contracts/card'
import { AppError } from '../../../src/core/errors'
import { maskName } from '../../../src/core/mask'
import { mayActOn } from '../../../src/core/policy'
import type { Db } from '../../store/database'
import { households, ledgerEntries, orgs, redemptionItems, redemptionReversals, redemptions, shopVillages } from '../../store/schema'
import { loadCaller } from '../shared/caller'
import { readReceipt } from './receipt-view'
import { resolveShop, shopRef } from './shop-scope'

/** One receipt, for the household it belongs to or the staff of its shop. */
export async function receipt(db: Db, openid: string, input: { receiptId: string }): Promise<ReceiptView> {
  const caller = await loadCaller(db, openid)
  const [row] = await db
    .select({ householdId: redemptions.householdId, shopPath: orgs.path })
    .from(redemptions)
    .innerJoin(orgs, eq(orgs.id, redemptions.shopId))
    .where(eq(redemptions.id, input.receiptId))
  if (!row) throw new AppError('NOT_FOUND', '没有找到这张小票')
  if (caller.householdId !== row.householdId && !mayActOn(caller.grants, 'viewShopReports', [row.shopPath])) {
    throw new AppError('FORBIDDEN', '您不能查看这张小票')
  }
  return (await readReceipt(db, input.receiptId))!
}

/** A shop's day (Asia/Shanghai): receipts made that day, points taken, reversals, goods that left. */
export async function dailySummary(
  db: Db,
  openid: string,
  input: { shopId?: string; day?: string },
  now = new Date(),
): Promise<DailySummary> {
  const caller = await loadCaller(db, openid)
  const shop = await resolveShop(db, caller, 'viewShopReports', input.shopId)
  const day = input.day ?? localDay(now)
  const { from, to } = periodRange(day)
  const rows = await db
    .select({
      receiptId: redemptions.id,
      redeemedAt: redemptions.createdAt,
      householdName: households.headName,
      pointsSpent: redemptions.pointsSpent,
      reversedAt: redemptionReversals.createdAt,
    })
    .from(redemptions)
    .innerJoin(households, eq(households.id, redemptions.householdId))
    .leftJoin(redemptionReversals, eq(redemptionReversals.redemptionId, redemptions.id))
    .where(and(eq(redemptions.shopId, shop.id), gte(redemptions.createdAt, from), lt(redemptions.createdAt, to)))
    .orderBy(asc(redemptions.createdAt))
  const kept = rows.filter((r) => !r.reversedAt)
  const goodsOut = kept.length
    ? await db
        .select({
          goodsId: redemptionItems.goodsId,
          name: sql<string>`min(${redemptionItems.goodsName})`,
          quantity: sql<number>`sum(${redemptionItems.quantity})::int`,
          points: sql<number>`sum(${redemptionItems.quantity} * ${redemptionItems.unitPoints})::int`,
        })
        .from(redemptionItems)
        .where(inArray(redemptionItems.redemptionId, kept.map((r) => r.receiptId)))
        .groupBy(redemptionItems.goodsId)
        .orderBy(asc(redemptionItems.goodsId))
    : []
  const reversed = rows.filter((r) => r.reversedAt)
  return {
    shop: shopRef(shop),
    day,
    redemptionCount: rows.length,
    pointsSpent: sum(rows.map((r) => r.pointsSpent)),
    reversedCount: reversed.length,
    pointsReturned: sum(reversed.map((r) => r.pointsSpent)),
    goods: goodsOut,
    receipts: rows.map((r) => ({
      receiptId: r.receiptId,
      redeemedAt: r.redeemedAt.toISOString(),
      householdName: maskName(r.householdName),
      pointsSpent: r.pointsSpent,
      reversed: r.reversedAt !== null,
    })),
  }
}

const entry = alias(ledgerEntries, 'entry')
const backEntry = alias(ledgerEntries, 'back_entry')

/**
 * Reconciliation of a shop's receipts (one Shanghai day, or all time) against the ledger entries
 * they point to, plus redemption entries of the served villages' households that no receipt names.
 */
export async function reconcile(
  db: Db,
  openid: string,
  input: { shopId?: string; day?: string },
): Promise<Reconciliation> {
  const caller = await loadCaller(db, openid)
  const shop = await resolveShop(db, caller, 'viewShopReports', input.shopId)
  const range = input.day ? periodRange(input.day) : null
  const within = (column: typeof redemptions.createdAt | typeof ledgerEntries.createdAt): SQL | undefined =>
    range ? and(gte(column, range.from), lt(column, range.to)) : undefined

  const linesTotal = db
    .select({
      redemptionId: redemptionItems.redemptionId,
      total: sql<number>`sum(${redemptionItems.quantity} * ${redemptionItems.unitPoints})::int`.as('total'),
    })
    .from(redemptionItems)
    .groupBy(redemptionItems.redemptionId)
    .as('lines_total')
  const rows = await db
    .select({
      receiptId: redemptions.id,
      householdId: redemptions.householdId,
      pointsSpent: redemptions.pointsSpent,
      linesTotal: linesTotal.total,
      entryId: entry.id,
      entryHousehold: entry.householdId,
      entryKind: entry.kind,
      entryPoints: entry.points,
      reversed: redemptionReversals.redemptionId,
      backHousehold: backEntry.householdId,
      backKind: backEntry.kind,
      backPoints: backEntry.points,
      backReverses: backEntry.reversesEntryId,
    })
    .from(redemptions)
    .leftJoin(linesTotal, eq(linesTotal.redemptionId, redemptions.id))
    .leftJoin(entry, eq(entry.id, redemptions.ledgerEntryId))
    .leftJoin(redemptionReversals, eq(redemptionReversals.redemptionId, redemptions.id))
    .leftJoin(backEntry, eq(backEntry.id, redemptionReversals.ledgerEntryId))
    .where(and(eq(redemptions.shopId, shop.id), within(redemptions.createdAt)))
    .orderBy(asc(redemptions.createdAt))

  const mismatches: Reconciliation['mismatches'] = []
  for (const r of rows) {
    const problems = receiptProblems({
      receiptId: r.receiptId,
      householdId: r.householdId,
      pointsSpent: r.pointsSpent,
      linesTotal: r.linesTotal ?? 0,
      entry: r.entryId !== null ? { id: r.entryId, householdId: r.entryHousehold!, kind: r.entryKind!, points: r.entryPoints! } : null,
      reversal: r.reversed
        ? {
            entry:
              r.backKind !== null
                ? { householdId: r.backHousehold!, kind: r.backKind, points: r.backPoints!, reversesEntryId: r.backReverses }
                : null,
          }
        : null,
    })
    for (const problem of problems) mismatches.push({ receiptId: r.receiptId, ledgerEntryId: r.entryId, problem })
  }

  const orphans = await db
    .select({ id: ledgerEntries.id, kind: ledgerEntries.kind, points: ledgerEntries.points })
    .from(ledgerEntries)
    .innerJoin(households, eq(households.id, ledgerEntries.householdId))
    .innerJoin(shopVillages, and(eq(shopVillages.villageId, households.villageId), eq(shopVillages.shopId, shop.id)))
    .leftJoin(redemptions, eq(redemptions.ledgerEntryId, ledgerEntries.id))
    .leftJoin(redemptionReversals, eq(redemptionReversals.ledgerEntryId, ledgerEntries.id))
    .where(
      and(
        inArray(ledgerEntries.kind, ['redemption', 'redemption_reversal']),
        isNull(redemptions.id),
        isNull(redemptionReversals.redemptionId),
        within(ledgerEntries.createdAt),
      ),
    )
  for (const o of orphans) {
    mismatches.push({ receiptId: null, ledgerEntryId: o.id, problem: `有一笔${o.kind === 'redemption' ? '兑换' : '兑换撤销'}流水（${o.points} 分）没有对应的小票` })
  }

  const reversedRows = rows.filter((r) => r.reversed !== null)
  return {
    shop: shopRef(shop),
    day: input.day ?? null,
    redemptions: { count: rows.length, points: sum(rows.map((r) => r.pointsSpent)) },
    reversals: { count: reversedRows.length, points: sum(reversedRows.map((r) => r.pointsSpent)) },
    ledger: {
      redemptionPoints: sum(rows.map((r) => -(r.entryPoints ?? 0))),
      reversalPoints: sum(reversedRows.map((r) => r.backPoints ?? 0)),
    },
    mismatches,
    balanced: mismatches.length === 0,
  }
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0)
}
