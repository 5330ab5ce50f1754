import { and, eq, inArray } from 'drizzle-orm'
import type { BeautyChart, Ranking, RankingRow } from '../../../src/core/contracts/score'
import { byName } from '../../../src/core/by-name'
import { AppError } from '../../../src/core/errors'
import { maskName } from '../../../src/core/mask'
import { memberKindAt } from '../../../src/core/member-kind'
import type { OrgKind } from '../../../src/core/org'
import { pathCovers } from '../../../src/core/org'
import { lastMonths } from '../../../src/core/period'
import { mayActOn } from '../../../src/core/policy'
import { RANKING_PAGE } from '../../../src/core/ranking'
import type { Db } from '../../store/database'
import { householdsUnder, selectHouseholdViews, selectRanking, type RankedHousehold } from '../../store/household-views'
import { householdPeriodPoints, households, orgs } from '../../store/schema'
import { selectMicroGridPoints } from '../../store/unit-figures'
import { loadCaller, type Caller } from '../shared/caller'

/**
 * A village's ranking for a month or a year, from the per-period totals (the ledger itself is not
 * read), ties sharing a rank, names masked: a page a phone can hold, the first and the last
 * RANKING_PAGE households (红黑榜) and the caller's own with its rank. Villagers see their own
 * village's; staff see those in their scope, and may ask for every household (`full`). The same for an
 * alliance's merchants (the member kind its org holds), by trade name, its owners seeing their own alliance's.
 */
export async function villageRanking(db: Db, openid: string, input: { orgId: string; period: string; full?: boolean }): Promise<Ranking> {
  const caller = await loadCaller(db, openid)
  const org = await loadVisibleOrg(db, caller, input.orgId)
  if (input.full && !mayActOn(caller.grants, 'viewHouseholds', [org.path])) throw new AppError('FORBIDDEN', '全部农户的排行只有村干部能看')
  // An alliance ranks its merchants by their public trade names; the caller's own is his shop there.
  const kind = memberKindAt(org.kind as OrgKind)
  const ownId = kind === 'merchant' ? caller.merchantId : caller.householdId
  const ranked = await selectRanking(db, org.path, input.period, input.full ? null : { size: RANKING_PAGE, householdId: ownId }, kind)
  const total = ranked[0]?.total ?? 0
  const row = (r: RankedHousehold): RankingRow => ({
    rank: r.rank,
    householdId: r.id,
    maskedName: kind === 'merchant' ? r.name : maskName(r.name),
    group: r.group,
    points: r.points,
    mine: r.id === ownId,
  })
  const mine = ranked.find((r) => r.id === ownId)
  return {
    org: { id: org.id, name: org.name, kind: org.kind as OrgKind },
    period: input.period,
    households: total,
    top: ranked.filter((r) => r.position <= RANKING_PAGE).map(row),
    // The last ones not already among the first (a village of fewer than twice the page has no overlap).
    bottom: ranked.filter((r) => r.position > Math.max(RANKING_PAGE, total - RANKING_PAGE)).map(row),
    mine: mine ? row(mine) : null,
    all: input.full ? ranked.map(row) : null,
  }
}

/**
 * 美丽积分图 over the last months: for a micro-grid (or a unit with no micro-grids), each household's
 * earned points per month, for the grid leader; for a village, community or grid, each of its
 * micro-grids' points per month, from the totals kept per unit, to choose one from.
 */
export async function beautyChart(db: Db, openid: string, input: { orgId: string; months?: number }): Promise<BeautyChart> {
  const caller = await loadCaller(db, openid)
  const [org] = await db.select().from(orgs).where(eq(orgs.id, input.orgId))
  if (!org) throw new AppError('NOT_FOUND', '没有找到这个网格')
  if (!mayActOn(caller.grants, 'viewHouseholds', [org.path])) throw new AppError('FORBIDDEN', '您只能查看自己负责的网格')
  const months = lastMonths(new Date(), input.months ?? 6)
  const microGrids = org.kind === 'micro_grid' ? [] : await selectMicroGridPoints(db, org.path, months)
  const rows = microGrids.length > 0 ? [] : await householdsWithPoints(db, org.path, months)
  return {
    org: { id: org.id, name: org.name, kind: org.kind as OrgKind },
    months,
    households: rows.map((r) => ({ householdId: r.id, name: r.name, houseNo: r.houseNo, monthly: months.map((m) => r.points.get(m) ?? 0) })),
    microGrids: microGrids
      .sort((a, b) => byName(a.name, b.name))
      .map((m) => ({ org: { id: m.id, name: m.name, kind: 'micro_grid' }, households: m.households, monthly: months.map((month) => m.points[month] ?? 0) })),
  }
}

async function loadVisibleOrg(db: Db, caller: Caller, orgId: string) {
  const [org] = await db.select().from(orgs).where(eq(orgs.id, orgId))
  if (!org) throw new AppError('NOT_FOUND', '没有找到这个村')
  const ownUnits = await Promise.all([caller.householdId, caller.merchantId].filter((id): id is string => id !== null).map((id) => villagePathOf(db, id)))
  const visible = ownUnits.some((path) => path !== null && pathCovers(path, org.path)) || mayActOn(caller.grants, 'viewHouseholds', [org.path])
  if (!visible) throw new AppError('FORBIDDEN', '只能看本村的排行')
  return org
}

async function villagePathOf(db: Db, householdId: string): Promise<string | null> {
  const [row] = await db
    .select({ path: orgs.path })
    .from(households)
    .innerJoin(orgs, eq(orgs.id, households.villageId))
    .where(eq(households.id, householdId))
  return row?.path ?? null
}

/** Households under an org in house-number order, with their earned points for the given periods. */
async function householdsWithPoints(db: Db, orgPath: string, periods: string[]) {
  const list = await selectHouseholdViews(db, householdsUnder(orgPath))
  const totals = list.length
    ? await db
        .select()
        .from(householdPeriodPoints)
        .where(
          and(
            inArray(householdPeriodPoints.period, periods),
            inArray(
              householdPeriodPoints.householdId,
              list.map((h) => h.id),
            ),
          ),
        )
    : []
  const byHousehold = new Map(list.map((h) => [h.id, new Map<string, number>()]))
  for (const t of totals) byHousehold.get(t.householdId)?.set(t.period, t.points)
  return list.map((h) => ({ id: h.id, name: h.name, houseNo: h.houseNo, group: h.group?.name ?? null, points: byHousehold.get(h.id)! }))
}
