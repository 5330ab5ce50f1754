import { and, eq, inArray } from 'drizzle-orm'
import type { BeautyChart, Ranking } from '../../../src/core/contracts/score'
import { AppError } from '../../../src/core/errors'
import { maskName } from '../../../src/core/mask'
import type { OrgKind } from '../../../src/core/org'
import { pathCovers } from '../../../src/core/org'
import { lastMonths } from '../../../src/core/period'
import { mayActOn } from '../../../src/core/policy'
import { rankByPoints } from '../../../src/core/ranking'
import type { Db } from '../../store/database'
import { householdsUnder, selectHouseholdViews } from '../../store/household-views'
import { householdPeriodPoints, households, orgs } from '../../store/schema'
import { loadCaller, type Caller } from '../shared/caller'

/**
 * A village's ranking for a month or a year: earned points from the per-period totals (the ledger
 * itself is not read), ties sharing a rank, names masked. Villagers see their own village's;
 * staff see those in their scope.
 */
export async function villageRanking(db: Db, openid: string, input: { orgId: string; period: string }): Promise<Ranking> {
  const caller = await loadCaller(db, openid)
  const org = await loadVisibleOrg(db, caller, input.orgId)
  const rows = await householdsWithPoints(db, org.path, [input.period])
  const ranked = rankByPoints(rows.map((r) => ({ ...r, points: r.points.get(input.period) ?? 0 })))
  return {
    org: { id: org.id, name: org.name, kind: org.kind as OrgKind },
    period: input.period,
    rows: ranked.map((r) => ({
      rank: r.rank,
      householdId: r.id,
      maskedName: maskName(r.name),
      group: r.group,
      points: r.points,
      mine: r.id === caller.householdId,
    })),
  }
}

/** 美丽积分图: each household's earned points per month over the last months, for the grid leader. */
export async function beautyChart(db: Db, openid: string, input: { orgId: string; months?: number }): Promise<BeautyChart> {
  const caller = await loadCaller(db, openid)
  const [org] = await db.select().from(orgs).where(eq(orgs.id, input.orgId))
  if (!org) throw new AppError('NOT_FOUND', '没有找到这个网格')
  if (!mayActOn(caller.grants, 'viewHouseholds', [org.path])) throw new AppError('FORBIDDEN', '您只能查看自己负责的网格')
  const months = lastMonths(new Date(), input.months ?? 6)
  const rows = await householdsWithPoints(db, org.path, months)
  return {
    org: { id: org.id, name: org.name, kind: org.kind as OrgKind },
    months,
    households: rows.map((r) => ({ householdId: r.id, name: r.name, houseNo: r.houseNo, monthly: months.map((m) => r.points.get(m) ?? 0) })),
  }
}

async function loadVisibleOrg(db: Db, caller: Caller, orgId: string) {
  const [org] = await db.select().from(orgs).where(eq(orgs.id, orgId))
  if (!org) throw new AppError('NOT_FOUND', '没有找到这个村')
  const ownVillage = caller.householdId ? await villagePathOf(db, caller.householdId) : null
  const visible = (ownVillage !== null && pathCovers(ownVillage, org.path)) || mayActOn(caller.grants, 'viewHouseholds', [org.path])
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
export async function householdsWithPoints(db: Db, orgPath: string, periods: string[]) {
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
