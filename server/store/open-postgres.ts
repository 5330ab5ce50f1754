import { drizzle } from 'drizzle-orm/node-postgres'
import { migrate } from 'drizzle-orm/node-postgres/migrator'
import { Pool, type PoolClient } from 'pg'
import { connectWithRetry, type PoolBudget } from './connection-budget'
import { MIGRATIONS_FOLDER, schema, statementLogger, type Database, type OpenOptions } from './database'

export type PostgresOptions = OpenOptions & {
  /** Connections the pool may hold (tests and the gateway: 10; a cloud function instance: its budget's). */
  poolSize?: number
  /** The rest of the budget (timeouts, connect retries); the pool's defaults when left out. */
  budget?: Partial<Omit<PoolBudget, 'max'>>
}

type ConnectCallback = (error: Error | undefined, client: PoolClient | undefined, release: (error?: Error) => void) => void

/**
 * A pool whose every connect (pool.query's included: pg-pool's query calls this.connect) is retried
 * on a refused or dropped connection, with jittered, bounded backoff. A statement is sent only on a
 * connection that was handed out, so a retry here never sends anything twice.
 */
class RetryingPool extends Pool {
  constructor(
    config: ConstructorParameters<typeof Pool>[0],
    private readonly retry: Pick<PoolBudget, 'connectAttempts' | 'backoffBaseMillis' | 'backoffCapMillis'>,
  ) {
    super(config)
  }

  override connect(): Promise<PoolClient>
  override connect(callback: ConnectCallback): void
  override connect(callback?: ConnectCallback): Promise<PoolClient> | void {
    const connected = connectWithRetry(() => super.connect(), this.retry)
    if (!callback) return connected
    connected.then(
      (client) => callback(undefined, client, (error) => client.release(error)),
      (error: Error) => callback(error, undefined, () => undefined),
    )
  }
}

/**
 * A PostgreSQL server or a transaction-mode pooler in front of one: production, the concurrency
 * tests (DATABASE_URL) and the pooler run (DATABASE_POOLER_URL). Only what a transaction-mode pooler
 * keeps is used: unnamed statements (drizzle's queries are never .prepare()d by name), no session
 * SET or LISTEN, advisory locks only per transaction; the timeouts are the driver's.
 */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Database> {
  const budget = options.budget ?? {}
  const pool = new RetryingPool(
    {
      connectionString: url,
      max: options.poolSize ?? 10,
      ...(budget.idleTimeoutMillis ? { idleTimeoutMillis: budget.idleTimeoutMillis } : {}),
      ...(budget.connectionTimeoutMillis ? { connectionTimeoutMillis: budget.connectionTimeoutMillis } : {}),
      ...(budget.queryTimeoutMillis ? { query_timeout: budget.queryTimeoutMillis } : {}),
    },
    {
      connectAttempts: budget.connectAttempts ?? 4,
      backoffBaseMillis: budget.backoffBaseMillis ?? 100,
      backoffCapMillis: budget.backoffCapMillis ?? 1_000,
    },
  )
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
