import { sql, type SQL } from 'drizzle-orm'
import type { Db } from './database'

/**
 * The street's view reads kept totals and the action tables, never the ledger, and asks one
 * statement per figure whatever the number of villages. Every query below groups by "unit": the
 * organisations one level under the one looked at (a street's villages and communities, a
 * village's grids, a grid's micro-grids). A household sits in its village, its community (3.0),
 * its micro-grid and that micro-grid's grid, as in the scope checks; points are read as kept per
 * unit (unit_points), so a street of 300,000 households reads a few rows per village. Raw statements answer timestamps as text on PGlite and as Date on pg: the selects
 * below hand back Dates.
 */
function unitsUnder(parent: Parent): SQL {
  return sql`units as (
      select id from orgs where parent_id = ${parent.id} and kind in ('village', 'community', 'grid', 'micro_grid')),
    places as (
      select id from orgs where kind in ('village', 'community')
         and (starts_with(path, ${parent.path}) or starts_with(${parent.path}, path)))`
}

/**
 * Joins, for each row of `row` (a household or a place: village_id, community_id, micro_grid_id), the
 * units it sits in as u.id: its village, community, micro-grid, and the micro-grid's grid.
 */
function sittingIn(row: string): SQL {
  const r = sql.raw(row)
  return sql`left join orgs mg on mg.id = ${r}.micro_grid_id
    cross join lateral (values (${r}.village_id), (${r}.community_id), (${r}.micro_grid_id),
                               (case when mg.parent_id in (${r}.village_id, ${r}.community_id) then null else mg.parent_id end)) as s(org_id)
    join units u on u.id = s.org_id`
}

/** Rows of `row` that can sit under the parent: its villages and communities, or the one it is in. */
function nearby(row: string): SQL {
  const r = sql.raw(row)
  return sql`(${r}.village_id in (select id from places) or ${r}.community_id in (select id from places))`
}

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows
}

export type Parent = { id: string; path: string }

/** Households, those with a bound WeChat user, and bound users, per unit, as unit_roster keeps them. */
export function selectRoster(db: Db, parent: Parent) {
  return rows<{ unitId: string; households: number; boundHouseholds: number; boundMembers: number }>(
    db,
    sql`with ${unitsUnder(parent)}
        select k.org_id as "unitId", k.households, k.bound_households as "boundHouseholds", k.bound_members as "boundMembers"
          from units u join unit_roster k on k.org_id = u.id`,
  )
}

/**
 * The units' rows of unit_points in some periods, looked up by key: the planner is handed the ids, so
 * it reads the covering index (unit_points_read_idx, migration 0025) rather than scanning the table,
 * whose rows for one street lie scattered among every micro-grid's.
 */
function keptPointsIn(periods: readonly string[]): SQL {
  return sql`unit_points k
     where k.org_id = any(array(select id from units)) and k.period in (${sql.join(periods.map((p) => sql`${p}`), sql`, `)})`
}

/**
 * Earned points per unit and rule category in one period, as unit_points keeps them: given, deducted,
 * corrected and restored (their sum is the unit's earned points, as household_period_points adds them).
 */
export function selectCategoryPoints(db: Db, parent: Parent, period: string) {
  return rows<{ unitId: string; category: string; given: number; deducted: number; corrected: number; restored: number }>(
    db,
    sql`with ${unitsUnder(parent)}
        select k.org_id as "unitId", k.category, k.given, k.deducted, k.corrected, k.restored
          from ${keptPointsIn([period])}`,
  )
}

/** Per unit and month, the points given, deducted and earned (all categories together), for the trend lines. */
export function selectMonthlyPoints(db: Db, parent: Parent, months: readonly string[]) {
  return rows<{ unitId: string; period: string; given: number; deducted: number; earned: number }>(
    db,
    sql`with ${unitsUnder(parent)}
        select k.org_id as "unitId", k.period, sum(k.given)::int as given, sum(k.deducted)::int as deducted,
               sum(k.given - k.deducted + k.corrected + k.restored)::int as earned
          from ${keptPointsIn(months)}
         group by 1, 2`,
  )
}

/** Rectification notices opened in [from, to), one row each, with the unit it counts in. */
export async function selectNotices(db: Db, parent: Parent, from: Date, to: Date) {
  const found = await rows<{ unitId: string; status: string; deadline: string | Date; openedAt: string | Date; rectifiedAt: string | Date | null }>(
    db,
    sql`with ${unitsUnder(parent)}
        select u.id as "unitId", n.status, n.deadline, n.created_at as "openedAt", n.rectified_at as "rectifiedAt"
          from notices n join households h on h.id = n.household_id ${sittingIn('h')}
         where n.created_at >= ${from.toISOString()} and n.created_at < ${to.toISOString()} and ${nearby('h')}`,
  )
  return found.map((n) => ({
    ...n,
    deadline: new Date(n.deadline),
    openedAt: new Date(n.openedAt),
    rectifiedAt: n.rectifiedAt === null ? null : new Date(n.rectifiedAt),
  }))
}

/** Claims and appeals waiting for a cadre now: how many and since when, per unit. */
export async function selectWaiting(db: Db, parent: Parent) {
  const found = await rows<{ unitId: string; what: 'claim' | 'appeal'; count: number; oldest: string | Date }>(
    db,
    sql`with ${unitsUnder(parent)},
        waiting as (
          select household_id, 'claim' as what, created_at from score_records where status = 'pending' and source = 'claim'
          union all
          select household_id, 'appeal', created_at from appeals where status = 'pending')
        select u.id as "unitId", w.what, count(*)::int as count, min(w.created_at) as oldest
          from waiting w join households h on h.id = w.household_id ${sittingIn('h')}
         where ${nearby('h')}
         group by 1, 2`,
  )
  return found.map((w) => ({ ...w, oldest: new Date(w.oldest) }))
}

/** Points the unit's households spent at the shops in [from, to), less receipts reversed. */
export function selectSpent(db: Db, parent: Parent, from: Date, to: Date) {
  return rows<{ unitId: string; spent: number }>(
    db,
    sql`with ${unitsUnder(parent)}
        select u.id as "unitId", sum(r.points_spent)::int as spent
          from redemptions r join households h on h.id = r.household_id ${sittingIn('h')}
         where r.created_at >= ${from.toISOString()} and r.created_at < ${to.toISOString()} and ${nearby('h')}
           and not exists (select 1 from redemption_reversals x where x.redemption_id = r.id)
         group by 1`,
  )
}

/** Each village's latest dividend run of a year up to `year` (its newest year, then its newest run). */
export async function selectLatestRuns(db: Db, parent: Parent, year: number) {
  const found = await rows<{ villageId: string; year: number; status: 'draft' | 'published'; totalFen: number; incentiveFen: number; publishedAt: string | Date | null }>(
    db,
    sql`select distinct on (d.village_id) d.village_id as "villageId", d.year, d.status,
               d.total_fen::float8 as "totalFen", d.incentive_fen::float8 as "incentiveFen", d.published_at as "publishedAt"
          from dividend_runs d join orgs o on o.id = d.village_id
         where o.parent_id = ${parent.id} and d.year <= ${year}
         order by d.village_id, d.year desc, d.id desc`,
  )
  return found.map((r) => ({ ...r, publishedAt: r.publishedAt === null ? null : new Date(r.publishedAt) }))
}

/**
 * 3.0: per community under the street and home village, the relocated shareholders who live in the
 * community, and the points the community's scorers gave to the village's households in the period
 * (place totals by scorer).
 */
export function selectCommunityFlows(db: Db, parent: Parent, period: string) {
  return rows<{ communityId: string; villageId: string; households: number; points: number }>(
    db,
    sql`with communities as (select id, path from orgs where parent_id = ${parent.id} and kind = 'community'),
        residents as (
          select c.id as community_id, h.village_id, count(*)::int as households
            from communities c join households h on h.community_id = c.id group by 1, 2),
        flowed as (
          select c.id as community_id, k.village_id,
                 sum(k.given - k.deducted + k.corrected + k.restored)::int as points
            from communities c
            join orgs scorer on starts_with(scorer.path, c.path)
            join place_rule_points k on k.scorer_org_id = scorer.id and k.period = ${period}
           group by 1, 2)
        select coalesce(r.community_id, f.community_id) as "communityId", coalesce(r.village_id, f.village_id) as "villageId",
               coalesce(r.households, 0) as households, coalesce(f.points, 0) as points
          from residents r full join flowed f on f.community_id = r.community_id and f.village_id = r.village_id`,
  )
}
