/**
 * Every total the store keeps beside the ledger, as a pair of queries: how the ledger's entries say
 * it should be (`recompute`) and what is kept (`kept`). Both give rows of (household_id, figure,
 * value); a figure names which of the household's totals it is (a period, an entry). The ledger is
 * the single source of truth: `findDrift` lists every (household, figure) whose kept value differs
 * from the recomputed one, a missing row counting as 0. A new kept total is one entry here; the
 * ledger's invariants (ledger-invariants.ts) and `npm run check:totals` pick it up.
 */
import { EARNED_POINT_KINDS } from '../../src/core/ledger'

export type KeptTotal = { name: string; recompute: string; kept: string }

/** Earned points (the kinds rankings and the dividend count) with their Asia/Shanghai local time. */
const EARNED = `select household_id, rule_id, scorer_org_id, kind, created_at at time zone 'Asia/Shanghai' as local, points
                  from ledger_entries where kind in (${EARNED_POINT_KINDS.map((kind) => `'${kind}'`).join(', ')})`

export const KEPT_TOTALS: readonly KeptTotal[] = [
  {
    name: "household balance (households.balance) = the sum of the household's entries",
    recompute: `select h.id as household_id, 'balance' as figure, coalesce(sum(e.points), 0)::bigint as value
                  from households h left join ledger_entries e on e.household_id = h.id group by h.id`,
    kept: `select id as household_id, 'balance' as figure, balance::bigint as value from households`,
  },
  {
    name: "household balance (households.balance) = the balance its last entry left",
    recompute: `select distinct on (household_id) household_id, 'balance' as figure, balance_after::bigint as value
                  from ledger_entries order by household_id, id desc`,
    kept: `select h.id as household_id, 'balance' as figure, h.balance::bigint as value
             from households h where exists (select 1 from ledger_entries e where e.household_id = h.id)`,
  },
  {
    name: "each entry's running balance (ledger_entries.balance_after) = the sum of the household's entries up to it",
    recompute: `select household_id, 'entry ' || id as figure,
                       sum(points) over (partition by household_id order by id)::bigint as value from ledger_entries`,
    kept: `select household_id, 'entry ' || id as figure, balance_after::bigint as value from ledger_entries`,
  },
  {
    name: 'earned points per Asia/Shanghai month and year (household_period_points)',
    recompute: `with earned as (${EARNED})
                select household_id, to_char(local, 'YYYY-MM') as figure, sum(points)::bigint as value from earned group by 1, 2
                union all
                select household_id, to_char(local, 'YYYY'), sum(points)::bigint from earned group by 1, 2`,
    kept: `select household_id, period as figure, points::bigint as value from household_period_points`,
  },
  {
    name: 'earned points per Asia/Shanghai month and year, rule and scoring organisation, given, deducted, corrected and restored (household_rule_points)',
    recompute: `with earned as (${EARNED}),
                moved as (
                  select household_id, period, coalesce(rule_id, 0) as rule_id, coalesce(scorer_org_id, '') as scorer_org_id, how, points
                    from earned
                    cross join lateral (values (to_char(local, 'YYYY-MM')), (to_char(local, 'YYYY'))) as p(period)
                    cross join lateral (values (case when kind = 'score' and points > 0 then 'given'
                                                     when kind = 'score' then 'deducted'
                                                     when kind = 'score_reversal' then 'corrected'
                                                     else 'restored' end)) as h(how))
                select household_id, period || ' rule ' || rule_id || ' by ' || scorer_org_id || ' ' || how as figure,
                       sum(case when how = 'deducted' then -points else points end)::bigint as value
                  from moved group by 1, 2`,
    kept: `select household_id, period || ' rule ' || rule_id || ' by ' || scorer_org_id || ' ' || how as figure, value::bigint as value
             from household_rule_points
             cross join lateral (values ('given', given), ('deducted', deducted), ('corrected', corrected), ('restored', restored)) as m(how, value)`,
  },
]

/** One (household, figure) whose kept value is not what the ledger says. */
export type Drift = { householdId: string; figure: string; kept: number; recomputed: number }

/** The rows of `total` that drifted: kept ≠ recomputed, a missing row being 0. */
export function driftQuery(total: KeptTotal, limit?: number): string {
  return `with recomputed as (${total.recompute}), kept as (${total.kept})
          select coalesce(k.household_id, r.household_id) as "householdId", coalesce(k.figure, r.figure) as figure,
                 coalesce(k.value, 0)::float8 as kept, coalesce(r.value, 0)::float8 as recomputed
            from kept k full join recomputed r on r.household_id = k.household_id and r.figure = k.figure
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
