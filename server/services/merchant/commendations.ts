import { and, eq, isNull } from 'drizzle-orm'
import type { CommendationsView } from '../../../src/core/contracts/merchant'
import { AppError } from '../../../src/core/errors'
import { mayActOn } from '../../../src/core/policy'
import type { Db } from '../../store/database'
import { orgs } from '../../store/schema'
import { findCaller } from '../shared/caller'
import { orgRef } from '../org/org-scope'
import { yearOf } from './year'

/**
 * 表彰榜, public like the 红黑榜: the year's commended merchants of a street's alliances (or of one
 * alliance) with their stars and reward, trade names only; those not commended and why stay with the
 * committee (merchant.year). `mayExport` tells whether the caller may download the .xlsx (exportYear).
 */
export async function commendations(db: Db, openid: string, input: { orgId: string; year: number }): Promise<CommendationsView> {
  const [org] = await db.select().from(orgs).where(eq(orgs.id, input.orgId))
  if (!org || (org.kind !== 'street' && org.kind !== 'alliance')) throw new AppError('NOT_FOUND', '没有找到这个街道或商家联盟')
  const alliances =
    org.kind === 'alliance'
      ? [org]
      : await db
          .select()
          .from(orgs)
          .where(and(eq(orgs.parentId, org.id), eq(orgs.kind, 'alliance'), isNull(orgs.retiredAt)))
          .orderBy(orgs.name)
  const grants = (await findCaller(db, openid))?.grants ?? []
  const years = []
  for (const alliance of alliances) {
    const year = await yearOf(db, alliance, input.year)
    years.push({
      alliance: year.alliance,
      commended: year.entries
        .filter((e) => e.commended)
        .map((e) => ({ merchantId: e.merchantId, tradeName: e.tradeName, trade: e.trade, stars: e.latestStars, rewardFen: e.rewardFen })),
      totalRewardFen: year.totalRewardFen,
      mayExport: mayActOn(grants, 'viewHouseholds', [alliance.path]),
    })
  }
  return { org: orgRef(org), year: input.year, alliances: years }
}
