/**
 * Every total the store keeps beside the ledger, as a pair of queries: how the ledger's entries say
 * it should be (`recompute`) and what is kept (`kept`). Both give rows of (subject, figure, value):
 * the subject is whose total it is, a household ("户 h-1"), a place households sit in ("村 v-1
 * 社区 - 微网格 m-1") or a unit ("单位 g-1"), and the figure which of its totals (a period, an entry). The ledger is the single
 * source of truth: `findDrift` lists every (subject, figure) whose kept value differs from the
 * recomputed one, a missing row counting as 0. A new kept total is one entry here; the ledger's
 * invariants (ledger-invariants.ts) and `npm run check:totals` pick it up.
 */
import { EARNED_POINT_KINDS, SCORED_KINDS } from '../../src/core/ledger'

export type KeptTotal = { name: string; recompute: string; kept: string }

const kindsList = (kinds: readonly string[]) => kinds.map((kind) => `'${kind}'`).join(', ')

/** Earned points (the kinds rankings and the dividend count) with their Asia/Shanghai local time. */
const EARNED = `select household_id, rule_id, scorer_org_id, kind, created_at at time zone 'Asia/Shanghai' as local, points
                  from ledger_entries where kind in (${kindsList(EARNED_POINT_KINDS)})`

/** Each earned entry's points under its period (month and year), rule, scorer and how they moved. */
const MOVED = `earned as (${EARNED}),
               moved as (
                 select household_id, period, coalesce(rule_id, 0) as rule_id, coalesce(scorer_org_id, '') as scorer_org_id, how, points
                   from earned
                   cross join lateral (values (to_char(local, 'YYYY-MM')), (to_char(local, 'YYYY'))) as p(period)
                   cross join lateral (values (case when kind in (${kindsList(SCORED_KINDS)}) and points > 0 then 'given'
                                                    when kind in (${kindsList(SCORED_KINDS)}) then 'deducted'
                                                    when kind = 'score_reversal' then 'corrected'
                                                    else 'restored' end)) as h(how))`
const MOVED_VALUE = `sum(case when how = 'deducted' then -points else points end)::bigint`
const RULE_FIGURE = `period || ' rule ' || rule_id || ' by ' || scorer_org_id || ' ' || how`
/** A kept row of rule totals as one row per way the points moved. */
const MOVES_OF_ROW = `cross join lateral (values ('given', given), ('deducted', deducted), ('corrected', corrected), ('restored', restored)) as m(how, value)`
const UNIT_FIGURE = `period || ' ' || coalesce(rule_category, '其他') || ' ' || how`
const PLACE_SUBJECT = `'村 ' || h.village_id || ' 社区 ' || coalesce(h.community_id, '-') || ' 微网格 ' || coalesce(h.micro_grid_id, '-')`

export const KEPT_TOTALS: readonly KeptTotal[] = [
  {
    name: "household balance (households.balance) = the sum of the household's entries",
    recompute: `select '户 ' || h.id as subject, 'balance' as figure, coalesce(sum(e.points), 0)::bigint as value
                  from households h left join ledger_entries e on e.household_id = h.id group by h.id`,
    kept: `select '户 ' || id as subject, 'balance' as figure, balance::bigint as value from households`,
  },
  {
    name: "household balance (households.balance) = the balance its last entry left",
    recompute: `select distinct on (household_id) '户 ' || household_id as subject, 'balance' as figure, balance_after::bigint as value
                  from ledger_entries order by household_id, id desc`,
    kept: `select '户 ' || h.id as subject, 'balance' as figure, h.balance::bigint as value
             from households h where exists (select 1 from ledger_entries e where e.household_id = h.id)`,
  },
  {
    name: "each entry's running balance (ledger_entries.balance_after) = the sum of the household's entries up to it",
    recompute: `select '户 ' || household_id as subject, 'entry ' || id as figure,
                       sum(points) over (partition by household_id order by id)::bigint as value from ledger_entries`,
    kept: `select '户 ' || household_id as subject, 'entry ' || id as figure, balance_after::bigint as value from ledger_entries`,
  },
  {
    name: 'earned points per Asia/Shanghai month and year (household_period_points)',
    recompute: `with earned as (${EARNED})
                select '户 ' || household_id as subject, to_char(local, 'YYYY-MM') as figure, sum(points)::bigint as value from earned group by 1, 2
                union all
                select '户 ' || household_id, to_char(local, 'YYYY'), sum(points)::bigint from earned group by 1, 2`,
    kept: `select '户 ' || household_id as subject, period as figure, points::bigint as value from household_period_points`,
  },
  {
    name: 'earned points per Asia/Shanghai month and year, rule and scoring organisation, given, deducted, corrected and restored (household_rule_points)',
    recompute: `with ${MOVED}
                select '户 ' || household_id as subject, ${RULE_FIGURE} as figure, ${MOVED_VALUE} as value from moved group by 1, 2`,
    kept: `select '户 ' || household_id as subject, ${RULE_FIGURE} as figure, value::bigint as value
             from household_rule_points ${MOVES_OF_ROW}`,
  },
  {
    name: 'the same per place households sit in now: village, community and micro-grid (place_rule_points)',
    recompute: `with ${MOVED}
                select ${PLACE_SUBJECT} as subject, ${RULE_FIGURE} as figure, ${MOVED_VALUE} as value
                  from moved m join households h on h.id = m.household_id group by 1, 2`,
    kept: `select ${PLACE_SUBJECT} as subject, ${RULE_FIGURE} as figure, value::bigint as value
             from (select village_id, nullif(community_id, '') as community_id, nullif(micro_grid_id, '') as micro_grid_id,
                          period, rule_id, scorer_org_id, given, deducted, corrected, restored from place_rule_points) h
             ${MOVES_OF_ROW}`,
  },
  {
    name: 'earned points per unit households sit in now (village, community, micro-grid and its grid), Asia/Shanghai month and year, and rule category (unit_points)',
    recompute: `with ${MOVED}
                select '单位 ' || s.org_id as subject, ${UNIT_FIGURE} as figure, ${MOVED_VALUE} as value
                  from moved m join households h on h.id = m.household_id
                  left join orgs mg on mg.id = h.micro_grid_id
                  left join orgs g on g.id = mg.parent_id and g.kind = 'grid'
                  left join (select id, category as rule_category from rules) r on r.id = m.rule_id
                 cross join lateral (values (h.village_id), (h.community_id), (h.micro_grid_id), (g.id)) as s(org_id)
                 where s.org_id is not null
                 group by 1, 2`,
    kept: `select '单位 ' || org_id as subject, ${UNIT_FIGURE} as figure, value::bigint as value
             from (select org_id, period, category as rule_category, given, deducted, corrected, restored from unit_points) k
             ${MOVES_OF_ROW}`,
  },
  {
    name: 'households, households with a bound WeChat user and bound users per unit they count in (unit_roster)',
    recompute: `select '单位 ' || s.org_id as subject, f.figure, sum(f.value)::bigint as value
                  from households h
                  left join orgs mg on mg.id = h.micro_grid_id
                  left join orgs g on g.id = mg.parent_id and g.kind = 'grid'
                  left join (select household_id, count(*) as members from household_members where unbound_at is null group by 1) m
                    on m.household_id = h.id
                 cross join lateral (values (h.village_id), (h.community_id), (h.micro_grid_id), (g.id)) as s(org_id)
                 cross join lateral (values ('households', 1), ('bound households', case when m.members > 0 then 1 else 0 end),
                                            ('bound members', coalesce(m.members, 0))) as f(figure, value)
                 where s.org_id is not null
                 group by 1, 2`,
    kept: `select '单位 ' || org_id as subject, f.figure, f.value::bigint as value
             from unit_roster
             cross join lateral (values ('households', households), ('bound households', bound_households), ('bound members', bound_members)) as f(figure, value)`,
  },
]

/** One (subject, figure) whose kept value is not what the ledger says. */
export type Drift = { subject: string; figure: string; kept: number; recomputed: number }

/** The rows of `total` that drifted: kept ≠ recomputed, a missing row being 0. */
export function driftQuery(total: KeptTotal, limit?: number): string {
  return `with recomputed as (${total.recompute}), kept as (${total.kept})
          select coalesce(k.subject, r.subject) as subject, coalesce(k.figure, r.figure) as figure,
                 coalesce(k.value, 0)::float8 as kept, coalesce(r.value, 0)::float8 as recomputed
            from kept k full join recomputed r on r.subject = k.subject and r.figure = k.figure
           where coalesce(k.value, 0) <> coalesce(r.value, 0)
           order by 1, 2${limit === undefined ? '' : ` limit ${limit}`}`
}

/** Each kept total with its drifts; `more` when there were more than the report lists. */
export type DriftReport = { name: string; drifts: Drift[]; more: boolean }[]

/**
 * Recomputes every kept total from the entries with the given query runner and lists the drifts of
 * each (at most `limit` a total, to keep a report of a broken city readable).
 */
export async function findDrift(rows: (query: string) => Promise<unknown[]>, limit = 50): Promise<DriftReport> {
  const report: DriftReport = []
  for (const total of KEPT_TOTALS) {
    const found = (await rows(driftQuery(total, limit + 1))) as Drift[]
    const drifts = found.slice(0, limit).map((d) => ({ ...d, kept: Number(d.kept), recomputed: Number(d.recomputed) }))
    report.push({ name: total.name, drifts, more: found.length > limit })
  }
  return report
}
