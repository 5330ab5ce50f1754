import { sql } from 'drizzle-orm'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import type { Logger } from 'drizzle-orm/logger'
import * as schema from './schema'

export { schema }

/** A database handle or a transaction: services take either and never care which. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>

/** Runs SQL text on `db` and answers its rows: what the ledger's checks (kept-totals.ts, ledger-invariants.ts) take. */
export function rawRows(db: Db): (query: string) => Promise<unknown[]> {
  return async (query) => ((await db.execute(sql.raw(query))) as unknown as { rows: unknown[] }).rows
}

export type Database = {
  db: Db
  engine: 'pglite' | 'postgres'
  close(): Promise<void>
  /**
   * PGlite only: a consistent copy of the whole data folder in PGlite's own format (gzipped tar),
   * made between transactions after a checkpoint. PostgreSQL servers have pg_dump.
   */
  dump?(): Promise<Buffer>
}

export type OpenOptions = {
  /** Called once per SQL statement sent, with its parameters: benchmarks count statements per call (and explain them) with it. */
  onStatement?: (sql: string, params: unknown[]) => void
}

export function statementLogger(options: OpenOptions): Logger | undefined {
  const onStatement = options.onStatement
  return onStatement ? { logQuery: (query, params) => onStatement(query, params) } : undefined
}

export const MIGRATIONS_FOLDER = `${__dirname}/migrations`
