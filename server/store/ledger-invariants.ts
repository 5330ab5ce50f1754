/**
 * The ledger's promises as an accountant would check them, each a query that lists what breaks it
 * (an empty list: the promise holds). The reliability suite checks them after load and crashes; the
 * demo seed's test checks the seeded world.
 */
import { driftQuery, KEPT_TOTALS } from './kept-totals'

/** The note's ending of a score carried over from paper records (the demo's past months): it has no score record. */
export const PAPER_RECORD = '（纸质记录结转）'

export const LEDGER_INVARIANTS: { name: string; query: string }[] = [
  // The kept totals (balances, running balances, month and year points) against the entries.
  ...KEPT_TOTALS.map((total) => ({ name: total.name, query: driftQuery(total, 10) })),
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
