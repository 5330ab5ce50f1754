import { Pool } from 'pg'
import { createThrowawayDatabase } from '../../../server/test-support/throwaway-database'

/** A throwaway database on the PostgreSQL server (DATABASE_URL): its URL for the gateway, a pool for the checks. */
export type ServerDatabase = {
  url: string
  pool: Pool
  /** Rows of one SQL query. */
  rows<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<R[]>
  drop(): Promise<void>
}

/** What the ledger checks need of a database, server or embedded: the rows of one SQL query. */
export type Rows = Pick<ServerDatabase, 'rows'>

/** The server the suite runs against; unset, the suite skips. */
export const serverUrl = process.env.DATABASE_URL

/** `describe` when DATABASE_URL is set; otherwise `describe.skip`, with a note in the log saying why. */
export function describeOnServer(file: string): jest.Describe {
  if (serverUrl) return describe
  console.log(`[reliability] ${file}: skipped, DATABASE_URL is not set (the suite needs a PostgreSQL server; .ci/run sets it)`)
  return describe.skip
}

/**
 * Creates a fresh, empty database on the server; the gateway started on its URL migrates it and
 * seeds the demo village. Dropped (with force) at the end.
 */
export async function createServerDatabase(): Promise<ServerDatabase> {
  if (!serverUrl) throw new Error('DATABASE_URL is not set')
  const throwaway = await createThrowawayDatabase(serverUrl, 'reliability')
  const pool = new Pool({ connectionString: throwaway.url, max: 4 })
  pool.on('error', () => undefined)
  return {
    url: throwaway.url,
    pool,
    async rows<R>(text: string, values?: unknown[]) {
      return (await pool.query(text, values)).rows as R[]
    },
    async drop() {
      await pool.end()
      await throwaway.drop()
    },
  }
}
