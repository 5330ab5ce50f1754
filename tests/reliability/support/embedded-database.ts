import { PGlite } from '@electric-sql/pglite'
import type { Rows } from './server-database'

/**
 * Opens the embedded database in `dataDir` directly, as the gateway would after a restart, runs
 * the checks and closes it. The gateway must not be running: the folder is one process's.
 */
export async function withEmbeddedDatabase<T>(dataDir: string, check: (database: Rows) => Promise<T>): Promise<T> {
  const client = await PGlite.create(dataDir)
  try {
    return await check({ rows: async <R>(text: string, values?: unknown[]) => (await client.query<R>(text, values)).rows })
  } finally {
    await client.close()
  }
}
