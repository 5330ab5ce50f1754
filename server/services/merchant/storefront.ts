import { and, desc, eq, inArray, notInArray } from 'drizzle-orm'
import type { StorefrontSign, StorefrontView } from '../../../src/core/contracts/account'
import { AppError } from '../../../src/core/errors'
import type { MerchantCategory } from '../../../src/core/member-kind'
import { localDay } from '../../../src/core/period'
import type { Db } from '../../store/database'
import { households, orgs, scoreRecords, trainingSignIns } from '../../store/schema'
import { merchantStandings } from './board'

/**
 * What a customer sees when scanning a merchant's storefront sign (its door plate): the trade name,
 * its stars, whether it is on the red or black list and why, and the day of its last inspection
 * (a training sign-in is no inspection). Public: nobody's name.
 */
export async function storefront(db: Db, merchantId: string, now = new Date()): Promise<StorefrontView> {
  const [merchant] = await db
    .select({ id: households.id, tradeName: households.tradeName, trade: households.category, allianceId: households.villageId, alliance: orgs.name })
    .from(households)
    .innerJoin(orgs, eq(orgs.id, households.villageId))
    .where(and(eq(households.id, merchantId), eq(households.memberKind, 'merchant')))
  if (!merchant) throw new AppError('NOT_FOUND', '没有找到这家店')
  const { standing, stars } = (await merchantStandings(db, [merchant], now)).get(merchant.id)!
  const [inspected] = await db
    .select({ at: scoreRecords.createdAt })
    .from(scoreRecords)
    .where(and(eq(scoreRecords.householdId, merchant.id), notInArray(scoreRecords.id, db.select({ id: trainingSignIns.scoreRecordId }).from(trainingSignIns))))
    .orderBy(desc(scoreRecords.id))
    .limit(1)
  return {
    merchantId: merchant.id,
    tradeName: merchant.tradeName!,
    trade: merchant.trade as MerchantCategory,
    alliance: merchant.alliance,
    stars,
    list: standing.list,
    since: standing.list ? standing.since : null,
    reasons: standing.list ? standing.reasons : [],
    lastInspection: inspected ? localDay(inspected.at) : null,
  }
}

/** The storefront signs of these merchants as printed today (印店招牌): trade name, 业态, stars, red or black list. */
export async function storefrontSigns(db: Db, merchantIds: readonly string[], now = new Date()): Promise<Map<string, StorefrontSign>> {
  if (merchantIds.length === 0) return new Map()
  const merchants = await db
    .select({ id: households.id, tradeName: households.tradeName, trade: households.category, allianceId: households.villageId })
    .from(households)
    .where(and(inArray(households.id, [...merchantIds]), eq(households.memberKind, 'merchant')))
  const standings = await merchantStandings(db, merchants, now)
  const asOf = localDay(now)
  return new Map(
    merchants.map((m) => {
      const { standing, stars } = standings.get(m.id)!
      return [m.id, { tradeName: m.tradeName!, trade: m.trade as MerchantCategory, stars, list: standing.list, asOf }]
    }),
  )
}
