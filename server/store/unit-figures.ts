import { sql } from 'drizzle-orm'
import type { Db } from './database'

/**
 * The live micro-grids under an organisation (at any depth) that have households, with how many,
 * and their earned points in each of the given periods, from the totals kept per unit
 * (unit_points): a few rows per micro-grid, whatever the number of households. Periods with no
 * points are missing from `points`.
 */
export async function selectMicroGridPoints(db: Db, orgPath: string, periods: readonly string[]) {
  // Each step materialised: the micro-grids first (a small table), then their rows of unit_points by key.
  const result = await db.execute(sql`
    with grids as materialized (
      select m.id, m.name, (select count(*) from households h where h.micro_grid_id = m.id)::int as households
        from orgs m
       where m.kind = 'micro_grid' and m.retired_at is null and starts_with(m.path, ${orgPath})),
    kept as materialized (
      select org_id, period, sum(given - deducted + corrected + restored)::int as points
        from unit_points
       where org_id = any(array(select id from grids)) and period in (${sql.join(periods.map((p) => sql`${p}`), sql`, `)})
       group by 1, 2)
    select g.id, g.name, g.households,
           coalesce(json_object_agg(k.period, k.points) filter (where k.period is not null), '{}') as points
      from grids g left join kept k on k.org_id = g.id
     where g.households > 0
     group by g.id, g.name, g.households`)
  return (result as unknown as { rows: { id: string; name: string; households: number; points: Record<string, number> | string }[] }).rows.map((r) => ({
    ...r,
    // PGlite and pg both parse json; a driver that does not hands back its text.
    points: (typeof r.points === 'string' ? JSON.parse(r.points) : r.points) as Record<string, number>,
  }))
}
