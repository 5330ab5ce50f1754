import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { StarRatingsView } from '../../../src/core/contracts/merchant'
import { AppError } from '../../../src/core/errors'
import type { MerchantCategory } from '../../../src/core/member-kind'
import { starsFor } from '../../../src/core/merchant/star-terms'
import { lastMonths, localDay, periodRange, periodsOf } from '../../../src/core/period'
import type { Db } from '../../store/database'
import { allianceStarTerms, householdPeriodPoints, households, orgs, starRatings } from '../../store/schema'
import { loadCaller } from '../shared/caller'
import { orgRef } from '../org/org-scope'
import { allianceInScope } from './merchants'
import { starTermsInForce } from './star-terms'

/**
 * 星级评比: the committee rates its merchants for a month (this month or an earlier one) by the terms
 * in force on that month's last day (today, for this month): the points each earned over the terms'
 * window of months ending with it give its stars. A result, once kept, stays as it is: rating the
 * month again rates only merchants that joined since, and the table refuses any edit.
 */
export async function rateStars(db: Db, openid: string, input: { allianceId: string; period: string }, now = new Date()): Promise<StarRatingsView> {
  const caller = await loadCaller(db, openid)
  const alliance = await allianceInScope(db, caller, input.allianceId, 'decideScores')
  if (input.period > periodsOf(now).month) throw new AppError('INVALID_INPUT', '这个月还没到，不能评比', { period: '这个月还没到' })
  const lastDay = localDay(new Date(periodRange(input.period).to.getTime() - 1))
  const day = lastDay < localDay(now) ? lastDay : localDay(now)
  const terms = (await starTermsInForce(db, [alliance.id], day)).get(alliance.id)
  if (!terms) throw new AppError('INVALID_INPUT', '联盟还没有公布星级评比规则，请先公布再评比')
  // Two committee members rating the same month at once: the second waits and then rates nobody twice.
  await db.select({ id: orgs.id }).from(orgs).where(eq(orgs.id, alliance.id)).for('update')
  const rated = db.select({ id: starRatings.merchantId }).from(starRatings).where(eq(starRatings.period, input.period))
  const unrated = await db
    .select({ id: households.id })
    .from(households)
    .where(and(eq(households.villageId, alliance.id), eq(households.memberKind, 'merchant'), sql`${households.id} not in ${rated}`))
  if (unrated.length > 0) {
    const months = lastMonths(periodRange(input.period).from, terms.windowMonths)
    const earned = await db
      .select({ id: householdPeriodPoints.householdId, points: sql<number>`sum(${householdPeriodPoints.points})`.mapWith(Number) })
      .from(householdPeriodPoints)
      .where(and(inArray(householdPeriodPoints.householdId, unrated.map((m) => m.id)), inArray(householdPeriodPoints.period, months)))
      .groupBy(householdPeriodPoints.householdId)
    const pointsOf = new Map(earned.map((e) => [e.id, e.points]))
    await db.insert(starRatings).values(
      unrated.map(({ id }) => {
        const points = pointsOf.get(id) ?? 0
        return { allianceId: alliance.id, period: input.period, merchantId: id, termsId: terms.id, points, stars: starsFor(terms.bands, points), ratedBy: openid, createdAt: now }
      }),
    )
  }
  return ratingsOf(db, alliance, input.period)
}

/** A month's kept ratings of an alliance: public, as the stars on a storefront are. */
export async function listRatings(db: Db, input: { allianceId: string; period: string }): Promise<StarRatingsView> {
  const [alliance] = await db.select().from(orgs).where(and(eq(orgs.id, input.allianceId), eq(orgs.kind, 'alliance')))
  if (!alliance) throw new AppError('NOT_FOUND', '没有找到这个商家联盟')
  return ratingsOf(db, alliance, input.period)
}

async function ratingsOf(db: Db, alliance: typeof orgs.$inferSelect, period: string): Promise<StarRatingsView> {
  const rows = await db
    .select({ rating: starRatings, tradeName: households.tradeName, trade: households.category, termsVersion: allianceStarTerms.version })
    .from(starRatings)
    .innerJoin(households, eq(households.id, starRatings.merchantId))
    .innerJoin(allianceStarTerms, eq(allianceStarTerms.id, starRatings.termsId))
    .where(and(eq(starRatings.allianceId, alliance.id), eq(starRatings.period, period)))
    .orderBy(sql`${starRatings.stars} desc`, asc(households.tradeName))
  return {
    alliance: orgRef(alliance),
    period,
    ratings: rows.map(({ rating, tradeName, trade, termsVersion }) => ({
      merchantId: rating.merchantId,
      tradeName: tradeName!,
      trade: trade as MerchantCategory,
      period: rating.period,
      points: rating.points,
      stars: rating.stars,
      termsVersion,
      ratedAt: rating.createdAt.toISOString(),
    })),
  }
}

/** Each merchant's latest kept rating: its stars and when it was made. */
export async function latestRatings(db: Db, merchantIds: readonly string[]): Promise<Map<string, { stars: number; ratedAt: Date }>> {
  if (merchantIds.length === 0) return new Map()
  const rows = await db
    .selectDistinctOn([starRatings.merchantId], { merchantId: starRatings.merchantId, stars: starRatings.stars, ratedAt: starRatings.createdAt })
    .from(starRatings)
    .where(inArray(starRatings.merchantId, [...merchantIds]))
    .orderBy(starRatings.merchantId, sql`${starRatings.period} desc`, sql`${starRatings.id} desc`)
  return new Map(rows.map((r) => [r.merchantId, { stars: r.stars, ratedAt: r.ratedAt }]))
}
