import { checkLedgerInvariants, type InvariantReport } from '../../../server/store/ledger-invariants'
import type { Rows } from './server-database'

/** The ledger's promises (server/store/ledger-invariants.ts) on the suite's database. */
export function checkInvariants(database: Rows): Promise<InvariantReport> {
  return checkLedgerInvariants((query) => database.rows(query))
}

/** Every household's balance, by id. */
export async function balances(database: Rows): Promise<Map<string, number>> {
  const rows = await database.rows<{ id: string; balance: number }>('select id, balance from households')
  return new Map(rows.map((r) => [r.id, r.balance]))
}
