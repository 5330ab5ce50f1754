/**
 * The connection budget of a serverless instance (DESIGN: "Connections are budgeted"): how many
 * connections one warm instance may hold, how soon idle ones close, how long a connect or a statement
 * may take, and which failures to get a connection are worth another try.
 *
 * Everything here survives a transaction-mode pooler (PgBouncer, a provider's proxy): the timeouts are
 * the driver's own (no startup parameter or session SET the pooler would refuse or drop), and a retry
 * happens only when connecting failed, i.e. before any statement of the call was sent.
 */

export type PoolBudget = {
  /** Connections one pool may hold at once. */
  max: number
  /** An idle connection is closed after this long. */
  idleTimeoutMillis: number
  /** Waiting for a connection (a new one, or a free one of the pool) gives up after this long. */
  connectionTimeoutMillis: number
  /** A statement whose answer has not come after this long fails (the driver's query_timeout). */
  queryTimeoutMillis: number
  /** Tries to get a connection, the first included. */
  connectAttempts: number
  /** Backoff between tries: full jitter in [0, min(cap, base·2^n)). */
  backoffBaseMillis: number
  backoffCapMillis: number
}

/** A deployed instance: one connection, closed after 5 s idle; a call gets a connection within ~10 s or answers BUSY. */
export const INSTANCE_BUDGET: PoolBudget = {
  max: 1,
  idleTimeoutMillis: 5_000,
  connectionTimeoutMillis: 2_000,
  queryTimeoutMillis: 15_000,
  connectAttempts: 4,
  backoffBaseMillis: 100,
  backoffCapMillis: 1_000,
}

/**
 * The budget of a cloud function instance, from its environment variables: DB_POOL_MAX,
 * DB_IDLE_TIMEOUT_MS, DB_CONNECT_TIMEOUT_MS, DB_STATEMENT_TIMEOUT_MS, DB_CONNECT_ATTEMPTS. A value that
 * is not a positive integer is refused at start, loudly, rather than quietly replaced.
 */
export function budgetFromEnvironment(env: Record<string, string | undefined> = process.env): PoolBudget {
  const read = (name: string, fallback: number): number => {
    const text = env[name]
    if (text === undefined || text === '') return fallback
    const value = Number(text)
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, not "${text}"`)
    return value
  }
  return {
    ...INSTANCE_BUDGET,
    max: read('DB_POOL_MAX', INSTANCE_BUDGET.max),
    idleTimeoutMillis: read('DB_IDLE_TIMEOUT_MS', INSTANCE_BUDGET.idleTimeoutMillis),
    connectionTimeoutMillis: read('DB_CONNECT_TIMEOUT_MS', INSTANCE_BUDGET.connectionTimeoutMillis),
    queryTimeoutMillis: read('DB_STATEMENT_TIMEOUT_MS', INSTANCE_BUDGET.queryTimeoutMillis),
    connectAttempts: read('DB_CONNECT_ATTEMPTS', INSTANCE_BUDGET.connectAttempts),
  }
}

/** The wait before try `attempt + 1` (attempt counts from 1): full jitter, bounded by the cap. */
export function backoffMillis(budget: Pick<PoolBudget, 'backoffBaseMillis' | 'backoffCapMillis'>, attempt: number, random = Math.random): number {
  const ceiling = Math.min(budget.backoffCapMillis, budget.backoffBaseMillis * 2 ** (attempt - 1))
  return Math.floor(random() * ceiling)
}

/** Socket-level failures of reaching the server (or the pooler). */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN'])

/**
 * SQLSTATEs that say "no connection for you now": too many connections (53300), the server starting
 * or shutting down (57P03, 57P01, 57P02), connection exceptions (08xxx: PgBouncer answers 08P01 when
 * its own limits refuse a client or it cannot reach the server).
 */
const UNAVAILABLE_STATES = new Set(['53300', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '08P01'])

/** The driver's and the pool's own words for the same, which carry no code. */
const UNAVAILABLE_MESSAGES = [
  'timeout exceeded when trying to connect',
  'Connection terminated', // … unexpectedly, … due to connection timeout
  'Client has encountered a connection error and is not queryable',
  'no more connections allowed',
  'server login has been failing',
  'pgbouncer cannot connect to server',
  'query_wait_timeout',
  'server conn crashed',
  'the database system is starting up',
  'the database system is shutting down',
  'sorry, too many clients already',
  // The driver's query_timeout: no answer in time (waiting in the pooler's queue counts). Never a
  // reason to retry here (the statement was sent), but the caller's retry is safe, as above.
  'Query read timeout',
]

/**
 * True when `error` (or an error it wraps: drizzle wraps the driver's in DrizzleQueryError's cause)
 * says the database could not be reached or refused the connection, rather than refusing a statement.
 * Thrown by a connect, it is retried; thrown anywhere, the caller is told BUSY (its retry is safe:
 * a write repeats with its requestId and applies once).
 */
export function isConnectionUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (current instanceof ConnectionUnavailableError) return true
    if (typeof current !== 'object') return false
    const { code, message } = current as { code?: unknown; message?: unknown }
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_STATES.has(code))) return true
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((words) => message.includes(words))) return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}

/** The words of the innermost error `error` wraps (drizzle's own message holds the query and its parameters: not for logs). */
export function innermostMessage(error: unknown): string {
  let current = error
  for (let depth = 0; depth < 5 && current instanceof Error && current.cause instanceof Error; depth++) {
    if (current instanceof ConnectionUnavailableError) break
    current = current.cause
  }
  return current instanceof Error ? current.message : String(current)
}

/** Getting a connection failed on every try: the call must answer BUSY, never run on. */
export class ConnectionUnavailableError extends Error {
  constructor(
    readonly attempts: number,
    cause: unknown,
  ) {
    super(`no database connection after ${attempts} tries: ${cause instanceof Error ? cause.message : String(cause)}`, { cause })
    this.name = 'ConnectionUnavailableError'
  }
}

/**
 * Gets a connection with `connect`, trying again after a jittered, bounded wait when the failure is
 * one of isConnectionUnavailable's. Nothing of the call has been sent when connect fails, so a retry
 * cannot apply anything twice. Other failures (a wrong password, a missing database) are thrown at once.
 */
export async function connectWithRetry<T>(
  connect: () => Promise<T>,
  budget: Pick<PoolBudget, 'connectAttempts' | 'backoffBaseMillis' | 'backoffCapMillis'>,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  onRetry?: (attempt: number, error: unknown) => void,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await connect()
    } catch (error) {
      if (!isConnectionUnavailable(error)) throw error
      if (attempt >= budget.connectAttempts) throw new ConnectionUnavailableError(attempt, error)
      onRetry?.(attempt, error)
      await sleep(backoffMillis(budget, attempt))
    }
  }
}
