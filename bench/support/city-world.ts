import { performance } from 'node:perf_hooks'
import type { PoolClient } from 'pg'
import { EARNED_POINT_KINDS, SCORED_KINDS } from '../../src/core/ledger'
import { PAPER_RECORD } from '../../server/store/ledger-invariants'

/**
 * 压测城区: one city's street of `villages` villages × `households` households (default 100 × 3,000 =
 * 300,000) with its admin, each village with 10 villager groups and 30 micro-grids of 100 households, a cadre and
 * the demo's rule set rs-zjq (the demo seed must be in first), and twelve months of history: an
 * opening entry and 32 scores a household (≈ 9.9 million ledger entries), scored by the village or
 * the micro-grid, under rules of every category. Written with set-based SQL (generate_series,
 * INSERT … SELECT) and the kept totals then built from the entries, as `npm run check:totals`
 * recomputes them. The history is carried over from paper records (its notes say so), so it has no
 * score records, as the demo's past months have none.
 */
export const CITY = {
  street: 'st-city',
  villages: Number(process.env.CITY_VILLAGES ?? 100),
  households: Number(process.env.CITY_HOUSEHOLDS ?? 3000),
  /** The village the figures are measured in, its cadre and one of its micro-grids. */
  village: 'cv-0',
  cadre: 'city-cadre-0',
  /** The street's admin: sees every village (for figures of the street's view). */
  admin: 'city-admin',
  microGrid: 'cm-0-0',
  scoresPerHousehold: 32,
} as const

/** The ids of a village's households, in order. */
export function cityHouseholdIds(village: number, count = CITY.households): string[] {
  return Array.from({ length: count }, (_, h) => `ch-${village}-${h}`)
}

/** Runs each step as one statement, printing how long it took; returns the seconds in all. */
export async function buildCityWorld(client: PoolClient, log: (line: string) => void = console.log): Promise<number> {
  const { villages, households, scoresPerHousehold } = CITY
  const started = performance.now()
  const step = async (name: string, statement: string) => {
    const t0 = performance.now()
    const result = await client.query(statement)
    log(`  ${name}: ${result.rowCount ?? 0} rows, ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  }
  // A bulk load of generated, consistent rows: foreign-key triggers off for this session only, a
  // large sort memory, and the ledger's secondary indexes built once at the end.
  await client.query(`set session_replication_role = replica`)
  await client.query(`set work_mem = '256MB'`)
  await client.query(`set maintenance_work_mem = '512MB'`)

  await step('street and villages', `
    insert into orgs (id, kind, name, parent_id, path)
    select 'st-city', 'street', '压测城区', null, '/st-city/'
    union all
    select 'cv-' || v, 'village', '压测' || v || '村', 'st-city', '/st-city/cv-' || v || '/' from generate_series(0, ${villages - 1}) v`)
  await step('groups and micro-grids', `
    insert into orgs (id, kind, name, parent_id, path)
    select 'cg-' || v || '-' || g, 'villager_group', (g + 1) || '组', 'cv-' || v, '/st-city/cv-' || v || '/cg-' || v || '-' || g || '/'
      from generate_series(0, ${villages - 1}) v, generate_series(0, ${Math.ceil(households / 300) - 1}) g
    union all
    select 'cm-' || v || '-' || m, 'micro_grid', (m + 1) || '号微网格', 'cv-' || v, '/st-city/cv-' || v || '/cm-' || v || '-' || m || '/'
      from generate_series(0, ${villages - 1}) v, generate_series(0, ${Math.ceil(households / 100) - 1}) m`)
  await step('the admin, cadres and rule sets', `
    with v as (select generate_series(0, ${villages - 1}) as v),
         u as (insert into users (openid, display_name)
               select 'city-cadre-' || v, '压测干部' || v from v union all select 'city-admin', '压测街道管理员' returning openid),
         r as (insert into role_grants (openid, role, org_id)
               select 'city-cadre-' || v, 'cadre', 'cv-' || v from v union all select 'city-admin', 'admin', 'st-city' returning id)
    insert into rule_set_orgs (org_id, rule_set_id) select 'cv-' || v, 'rs-zjq' from v`)
  await step('households', `
    insert into households (id, village_id, group_id, micro_grid_id, head_name, house_no, shares)
    select 'ch-' || v || '-' || h, 'cv-' || v, 'cg-' || v || '-' || (h / 300), 'cm-' || v || '-' || (h / 100),
           '户主' || h, ((h / 300) + 1) || '组' || lpad(h::text, 4, '0') || '号', 1 + h % 5
      from generate_series(0, ${villages - 1}) v, generate_series(0, ${households - 1}) h`)

  // Four patterns of a year: 32 scores under the rule set's rules (additions and deductions, every
  // category), one every ~11 days. Within a pattern the running sum is known, so each entry's
  // balance_after is its household's opening plus the pattern's running sum: no sort of 10 M rows.
  await client.query(`
    create temporary table city_pattern as
    with r as (select id, points, category, row_number() over (order by id) - 1 as n, count(*) over () as total
                 from rules where rule_set_id = 'rs-zjq' and version = (select max(version) from rules where rule_set_id = 'rs-zjq')),
         k as (select p, k from generate_series(0, 3) p, generate_series(1, ${scoresPerHousehold}) k)
    select k.p, k.k, r.id as rule_id, r.points, r.category,
           sum(r.points) over (partition by k.p order by k.k) as running
      from k join r on r.n = (k.k * 7 + k.p * 3) % r.total`)
  await client.query(`drop index ledger_household_idx`)
  await client.query(`drop index ledger_reverses_once`)
  await step('ledger entries (openings)', `
    insert into ledger_entries (household_id, points, balance_after, kind, note, created_at)
    select 'ch-' || v || '-' || h, 50 + h % 40, 50 + h % 40, 'opening', '纸质积分卡期初积分结转', now() - interval '366 days'
      from generate_series(0, ${villages - 1}) v, generate_series(0, ${households - 1}) h`)
  await step('ledger entries (a year of scores)', `
    insert into ledger_entries (household_id, points, balance_after, kind, note, rule_id, scorer_org_id, created_at)
    select 'ch-' || v || '-' || h, c.points, 50 + h % 40 + c.running, 'score', c.category || '${PAPER_RECORD}', c.rule_id,
           case when c.k % 3 = 0 then 'cv-' || v else 'cm-' || v || '-' || (h / 100) end,
           now() - interval '365 days' + c.k * interval '11 days' + (h % 600) * interval '1 minute'
      from generate_series(0, ${villages - 1}) v, generate_series(0, ${households - 1}) h,
           lateral (select * from city_pattern c where c.p = h % 4 order by c.k) c`)
  await step('ledger indexes', `create index ledger_household_idx on ledger_entries (household_id, id)`)
  await client.query(`create unique index ledger_reverses_once on ledger_entries (reverses_entry_id)`)
  await client.query(`set session_replication_role = origin`)

  // The kept totals, from the entries.
  const earned = EARNED_POINT_KINDS.map((kind) => `'${kind}'`).join(', ')
  const scored = SCORED_KINDS.map((kind) => `'${kind}'`).join(', ')
  await step('kept balances', `
    update households h set balance = s.balance
      from (select household_id, sum(points)::int as balance from ledger_entries where household_id like 'ch-%' group by 1) s
     where h.id = s.household_id`)
  await step('kept month and year points', `
    insert into household_period_points (household_id, period, points)
    select household_id, coalesce(month, year), sum(points)::int
      from (select household_id, points, to_char(created_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month,
                   to_char(created_at at time zone 'Asia/Shanghai', 'YYYY') as year
              from ledger_entries where household_id like 'ch-%' and kind in (${earned})) e
     group by grouping sets ((household_id, month), (household_id, year))`)
  await step('kept points by rule and scoring organisation', `
    insert into household_rule_points (period, household_id, rule_id, scorer_org_id, given, deducted, corrected, restored)
    select period, household_id, coalesce(rule_id, 0), coalesce(scorer_org_id, ''),
           coalesce(sum(points) filter (where kind in (${scored}) and points > 0), 0)::int,
           coalesce(-sum(points) filter (where kind in (${scored}) and points < 0), 0)::int,
           coalesce(sum(points) filter (where kind = 'score_reversal'), 0)::int,
           coalesce(sum(points) filter (where kind not in (${scored}, 'score_reversal')), 0)::int
      from ledger_entries
      cross join lateral (values (to_char(created_at at time zone 'Asia/Shanghai', 'YYYY-MM')),
                                 (to_char(created_at at time zone 'Asia/Shanghai', 'YYYY'))) as p(period)
     where household_id like 'ch-%' and kind in (${earned})
     group by 1, 2, 3, 4`)
  await step('kept points by rule and scoring organisation per place', `
    insert into place_rule_points (period, village_id, community_id, micro_grid_id, rule_id, scorer_org_id, given, deducted, corrected, restored)
    select k.period, h.village_id, coalesce(h.community_id, ''), coalesce(h.micro_grid_id, ''), k.rule_id, k.scorer_org_id,
           sum(k.given)::int, sum(k.deducted)::int, sum(k.corrected)::int, sum(k.restored)::int
      from household_rule_points k join households h on h.id = k.household_id
     where k.household_id like 'ch-%'
     group by 1, 2, 3, 4, 5, 6`)
  await step('kept points by rule category per unit', `
    insert into unit_points (org_id, period, category, given, deducted, corrected, restored)
    select u.org_id, k.period, coalesce(r.category, '其他'),
           sum(k.given)::int, sum(k.deducted)::int, sum(k.corrected)::int, sum(k.restored)::int
      from household_rule_points k
      join households h on h.id = k.household_id
      left join rules r on r.id = k.rule_id
     cross join lateral household_units(h.village_id, h.community_id, h.micro_grid_id) as u(org_id)
     where k.household_id like 'ch-%'
     group by 1, 2, 3`)
  await step('kept roster per unit', `
    insert into unit_roster (org_id, households, bound_households, bound_members)
    select u.org_id, count(*)::int, 0, 0
      from households h cross join lateral household_units(h.village_id, h.community_id, h.micro_grid_id) as u(org_id)
     where h.id like 'ch-%'
     group by 1`)
  await step('analyze', `analyze`)
  return (performance.now() - started) / 1000
}
