import { sql, type SQL } from 'drizzle-orm'
import type { Db } from './database'

/**
 * The street's view reads kept totals and the action tables, never the ledger, and asks one
 * statement per figure whatever the number of villages. Every query below groups by "unit": the
 * organisations one level under the one looked at (a street's villages and communities, a
 * village's grids, a grid's micro-grids). A household sits in its village, its community (3.0),
 * its micro-grid and that micro-grid's grid, as in the scope checks. Raw statements answer
 * timestamps as text on PGlite and as Date on pg: the selects below hand back Dates.
 */
function sittings(parentId: string, parentPath: string): SQL {
  return sql`units as (
      select id from orgs where parent_id = ${parentId} and kind in ('village', 'community', 'grid', 'micro_grid')),
    sits as (
      select distinct u.id as unit_id, h.id as household_id
        from households h
        join orgs v on v.id = h.village_id
        left join orgs c on c.id = h.community_id
        left join orgs mg on mg.id = h.micro_grid_id
        cross join lateral (values (h.village_id), (h.community_id), (h.micro_grid_id), (mg.parent_id)) as s(org_id)
        join units u on u.id = s.org_id
       where starts_with(v.path, ${parentPath}) or starts_with(c.path, ${parentPath}) or starts_with(mg.path, ${parentPath}))`
}

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows
}

export type Parent = { id: string; path: string }

/** Households, those with a bound WeChat user, and bound users, per unit. */
export function selectRoster(db: Db, parent: Parent) {
  return rows<{ unitId: string; households: number; boundHouseholds: number; boundMembers: number }>(
    db,
    sql`with ${sittings(parent.id, parent.path)}
        select s.unit_id as "unitId", count(distinct s.household_id)::int as households,
               count(distinct m.household_id)::int as "boundHouseholds", count(m.id)::int as "boundMembers"
          from sits s left join household_members m on m.household_id = s.household_id and m.unbound_at is null
         group by s.unit_id`,
  )
}

/** Earned points per unit, period and rule category, from household_rule_points. */
export function selectCategoryPoints(db: Db, parent: Parent, periods: readonly string[]) {
  return rows<{ unitId: string; period: string; category: string; given: number; deducted: number; corrected: number; restored: number }>(
    db,
    sql`with ${sittings(parent.id, parent.path)}
        select s.unit_id as "unitId", k.period, coalesce(r.category, '其他') as category,
               sum(k.given)::int as given, sum(k.deducted)::int as deducted,
               sum(k.corrected)::int as corrected, sum(k.restored)::int as restored
          from sits s
          join household_rule_points k on k.household_id = s.household_id
          left join rules r on r.id = k.rule_id
         where k.period in (${sql.join(periods.map((p) => sql`${p}`), sql`, `)})
         group by 1, 2, 3`,
  )
}

/** Earned points per unit and month, summed over its households (for the 美丽积分图's averages). */
export function selectMonthPoints(db: Db, parent: Parent, months: readonly string[]) {
  return rows<{ unitId: string; period: string; points: number }>(
    db,
    sql`with ${sittings(parent.id, parent.path)}
        select s.unit_id as "unitId", p.period, sum(p.points)::int as points
          from sits s join household_period_points p on p.household_id = s.household_id
         where p.period in (${sql.join(months.map((m) => sql`${m}`), sql`, `)})
         group by 1, 2`,
  )
}

/** Rectification notices opened in [from, to), one row each, with the unit it counts in. */
export async function selectNotices(db: Db, parent: Parent, from: Date, to: Date) {
  const found = await rows<{ unitId: string; status: string; deadline: string | Date; openedAt: string | Date; rectifiedAt: string | Date | null }>(
    db,
    sql`with ${sittings(parent.id, parent.path)}
        select s.unit_id as "unitId", n.status, n.deadline, n.created_at as "openedAt", n.rectified_at as "rectifiedAt"
          from sits s join notices n on n.household_id = s.household_id
         where n.created_at >= ${from.toISOString()} and n.created_at < ${to.toISOString()}`,
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
    sql`with ${sittings(parent.id, parent.path)}
        select s.unit_id as "unitId", 'claim' as what, count(*)::int as count, min(r.created_at) as oldest
          from sits s join score_records r on r.household_id = s.household_id
         where r.status = 'pending' and r.source = 'claim' group by 1
        union all
        select s.unit_id, 'appeal', count(*)::int, min(a.created_at)
          from sits s join appeals a on a.household_id = s.household_id
         where a.status = 'pending' group by 1`,
  )
  return found.map((w) => ({ ...w, oldest: new Date(w.oldest) }))
}

/** Points the unit's households spent at the shops in [from, to), less receipts reversed. */
export function selectSpent(db: Db, parent: Parent, from: Date, to: Date) {
  return rows<{ unitId: string; spent: number }>(
    db,
    sql`with ${sittings(parent.id, parent.path)}
        select s.unit_id as "unitId", sum(r.points_spent)::int as spent
          from sits s join redemptions r on r.household_id = s.household_id
         where r.created_at >= ${from.toISOString()} and r.created_at < ${to.toISOString()}
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
 * community, and the points the community's scorers gave them in the period (kept totals by scorer).
 */
export function selectCommunityFlows(db: Db, parent: Parent, period: string) {
  return rows<{ communityId: string; villageId: string; households: number; points: number }>(
    db,
    sql`with communities as (select id, path from orgs where parent_id = ${parent.id} and kind = 'community'),
        residents as (
          select c.id as community_id, h.village_id, count(*)::int as households
            from communities c join households h on h.community_id = c.id group by 1, 2),
        flowed as (
          select c.id as community_id, h.village_id,
                 sum(k.given - k.deducted + k.corrected + k.restored)::int as points
            from communities c
            join orgs scorer on starts_with(scorer.path, c.path)
            join household_rule_points k on k.scorer_org_id = scorer.id and k.period = ${period}
            join households h on h.id = k.household_id
           group by 1, 2)
        select coalesce(r.community_id, f.community_id) as "communityId", coalesce(r.village_id, f.village_id) as "villageId",
               coalesce(r.households, 0) as households, coalesce(f.points, 0) as points
          from residents r full join flowed f on f.community_id = r.community_id and f.village_id = r.village_id`,
  )
}
