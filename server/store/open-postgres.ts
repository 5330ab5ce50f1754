import { drizzle } from 'drizzle-orm/node-postgres'
import { migrate } from 'drizzle-orm/node-postgres/migrator'
import { Pool } from 'pg'
import { MIGRATIONS_FOLDER, schema, statementLogger, type Database, type OpenOptions } from './database'

/** A PostgreSQL server: production, and the concurrency tests (DATABASE_URL). */
export async function openPostgres(url: string, options: OpenOptions & { poolSize?: number } = {}): Promise<Database> {
  const pool = new Pool({ connectionString: url, max: options.poolSize ?? 10 })
  let closing = false
  // An idle connection cut by the server must not crash the process; the pool replaces it.
  pool.on('error', (error) => {
    if (!closing) console.error('[postgres] idle connection lost', error.message)
  })
  const db = drizzle({ client: pool, schema, logger: statementLogger(options) })
  return {
    db,
    engine: 'postgres',
    close: () => {
      closing = true
      return pool.end()
    },
  }
}

export async function migratePostgres(database: Database, migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
  await migrate(database.db as Parameters<typeof migrate>[0], { migrationsFolder })
}
