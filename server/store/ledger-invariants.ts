/**
 * The ledger's promises as an accountant would check them, each a query that lists what breaks it
 * (an empty list: the promise holds). The reliability suite checks them after load and crashes; the
 * demo seed's test checks the seeded world.
 */
/** The note's ending of a score carried over from paper records (the demo's past months): it has no score record. */
export const PAPER_RECORD = '（纸质记录结转）'

export const LEDGER_INVARIANTS: { name: string; query: string }[] = [
  {
    name: "every household's balance equals the sum of its entries",
    query: `select h.id, h.balance, coalesce(sum(e.points), 0)::int as sum
              from households h left join ledger_entries e on e.household_id = h.id
             group by h.id, h.balance having h.balance <> coalesce(sum(e.points), 0)`,
  },
  {
    name: 'every entry records the running balance: the sum of the household\'s entries up to it',
    query: `select id, household_id, balance_after, running
              from (select id, household_id, balance_after,
                           sum(points) over (partition by household_id order by id) as running
                      from ledger_entries) t
             where balance_after <> running`,
  },
  {
    name: "every household's last entry records the balance it left",
    query: `select h.id, h.balance, last.balance_after
              from households h
              join lateral (select balance_after from ledger_entries e where e.household_id = h.id order by e.id desc limit 1) last on true
             where last.balance_after <> h.balance`,
  },
  {
    name: 'every applied score record has its own ledger entry of the same points',
    query: `select r.id, r.request_id, r.ledger_entry_id
              from score_records r left join ledger_entries e on e.id = r.ledger_entry_id
             where r.status = 'applied'
               and (e.id is null or e.points <> r.points or e.household_id <> r.household_id or e.kind <> 'score')`,
  },
  {
    name: 'no score entry without its score record (except history carried over from paper records)',
    query: `select e.id from ledger_entries e
             where e.kind = 'score' and e.note not like '%${PAPER_RECORD}'
               and not exists (select 1 from score_records r where r.ledger_entry_id = e.id)`,
  },
  {
    name: 'an entry is reversed or restored at most once',
    query: `select reverses_entry_id, count(*)::int as n from ledger_entries
             where reverses_entry_id is not null group by reverses_entry_id having count(*) > 1`,
  },
  {
    name: 'every rectified notice has its restoration, giving back exactly the deduction',
    query: `select n.id, n.status, n.restoration_entry_id
              from notices n left join ledger_entries e on e.id = n.restoration_entry_id
             where n.status = 'rectified'
               and (e.id is null or e.kind <> 'restoration' or e.reverses_entry_id <> n.deduction_entry_id
                    or e.points <> n.points or e.household_id <> n.household_id)`,
  },
  {
    name: 'every restoration belongs to a rectified notice',
    query: `select e.id from ledger_entries e
             where e.kind = 'restoration'
               and not exists (select 1 from notices n where n.restoration_entry_id = e.id and n.status = 'rectified')`,
  },
  {
    name: 'every receipt matches its ledger entry and its lines',
    query: `select r.id from redemptions r
              left join ledger_entries e on e.id = r.ledger_entry_id
              left join (select redemption_id, sum(unit_points * quantity)::int as total from redemption_items group by redemption_id) i
                on i.redemption_id = r.id
             where e.id is null or e.kind <> 'redemption' or e.points <> -r.points_spent or e.household_id <> r.household_id
                or i.total is distinct from r.points_spent`,
  },
  {
    name: 'every redemption entry has its receipt',
    query: `select e.id from ledger_entries e
             where e.kind = 'redemption' and not exists (select 1 from redemptions r where r.ledger_entry_id = e.id)`,
  },
  {
    name: 'no redemption took a balance below zero',
    query: `select id, household_id, balance_after from ledger_entries where kind = 'redemption' and balance_after < 0`,
  },
  {
    name: 'stock never below zero',
    query: `select id, name, stock from goods where stock < 0`,
  },
  {
    name: 'every recorded request has its answer (no half-written request)',
    query: `select openid, request_id, operation from idempotency_keys where response is null`,
  },
  {
    name: "a year's earned points equal the sum of its months",
    query: `select y.household_id, y.period, y.points, coalesce(sum(m.points), 0)::int as months
              from household_period_points y
              left join household_period_points m on m.household_id = y.household_id and m.period like y.period || '-%'
             where length(y.period) = 4
             group by y.household_id, y.period, y.points having y.points <> coalesce(sum(m.points), 0)`,
  },
  {
    name: 'the kept month and year totals equal the earned entries recomputed by Shanghai month and year',
    query: `with earned as (
              select household_id, created_at at time zone 'Asia/Shanghai' as local, points
                from ledger_entries where kind in ('score', 'score_reversal', 'restoration')),
            recomputed as (
              select household_id, to_char(local, 'YYYY-MM') as period, sum(points)::int as points from earned group by 1, 2
              union all
              select household_id, to_char(local, 'YYYY'), sum(points)::int from earned group by 1, 2)
            select coalesce(k.household_id, r.household_id) as household_id, coalesce(k.period, r.period) as period,
                   k.points as kept, r.points as recomputed
              from household_period_points k
              full join recomputed r on r.household_id = k.household_id and r.period = k.period
             where coalesce(k.points, 0) <> coalesce(r.points, 0)`,
  },
  {
    name: 'the kept totals per rule and scorer (given, deducted, corrected, restored) equal the earned entries recomputed',
    query: `with earned as (
              select to_char(created_at at time zone 'Asia/Shanghai', 'YYYY-MM') as period, * from ledger_entries
               where kind in ('score', 'score_reversal', 'restoration')
              union all
              select to_char(created_at at time zone 'Asia/Shanghai', 'YYYY'), * from ledger_entries
               where kind in ('score', 'score_reversal', 'restoration')),
            recomputed as (
              select period, household_id, coalesce(rule_id, 0) as rule_id, coalesce(scorer_org_id, '') as scorer_org_id,
                     coalesce(sum(points) filter (where kind = 'score' and points > 0), 0)::int as given,
                     coalesce(-sum(points) filter (where kind = 'score' and points < 0), 0)::int as deducted,
                     coalesce(sum(points) filter (where kind = 'score_reversal'), 0)::int as corrected,
                     coalesce(sum(points) filter (where kind = 'restoration'), 0)::int as restored
                from earned group by 1, 2, 3, 4)
            select coalesce(k.period, r.period) as period, coalesce(k.household_id, r.household_id) as household_id,
                   coalesce(k.rule_id, r.rule_id) as rule_id, coalesce(k.scorer_org_id, r.scorer_org_id) as scorer_org_id,
                   k.given, r.given as given_recomputed, k.deducted, r.deducted as deducted_recomputed,
                   k.corrected, r.corrected as corrected_recomputed, k.restored, r.restored as restored_recomputed
              from household_rule_points k
              full join recomputed r on r.period = k.period and r.household_id = k.household_id
                                    and r.rule_id = k.rule_id and r.scorer_org_id = k.scorer_org_id
             where (coalesce(k.given, 0), coalesce(k.deducted, 0), coalesce(k.corrected, 0), coalesce(k.restored, 0))
                   is distinct from (coalesce(r.given, 0), coalesce(r.deducted, 0), coalesce(r.corrected, 0), coalesce(r.restored, 0))`,
  },
]

export type InvariantReport = { checks: number; broken: { name: string; rows: unknown[] }[] }

/** Runs every check with the given query runner; the caller asserts `broken` is empty (and counts `checks`). */
export async function checkLedgerInvariants(rows: (query: string) => Promise<unknown[]>): Promise<InvariantReport> {
  const broken: InvariantReport['broken'] = []
  for (const invariant of LEDGER_INVARIANTS) {
    const found = await rows(invariant.query)
    if (found.length > 0) broken.push({ name: invariant.name, rows: found.slice(0, 10) })
  }
  return { checks: LEDGER_INVARIANTS.length, broken }
}
