import type { Database, OpenOptions } from './database'
import { migratePglite, openPglite } from './open-pglite'
import { migratePostgres, openPostgres } from './open-postgres'

/**
 * PostgreSQL when a URL is given (DATABASE_URL), embedded PGlite otherwise; migrated to the
 * newest schema before it is handed out.
 */
export async function openMigratedDatabase(
  config: { databaseUrl?: string; dataDir?: string },
  options: OpenOptions = {},
): Promise<Database> {
  if (config.databaseUrl) {
    const database = await openPostgres(config.databaseUrl, options)
    await migratePostgres(database)
    return database
  }
  const database = await openPglite(config.dataDir, options)
  await migratePglite(database)
  return database
}
