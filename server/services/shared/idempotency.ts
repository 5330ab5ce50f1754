import { and, eq, lt, sql } from 'drizzle-orm'
import stringify from 'safe-stable-stringify'
import type { Envelope } from '../../../src/core/contracts/envelope'
import { AppError, type ErrorCode } from '../../../src/core/errors'
import type { Db } from '../../store/database'
import { idempotencyKeys } from '../../store/schema'
import { codeHash, codeHashCandidates } from './code-hash'

export type RequestKey = { openid: string; requestId: string; operation: string; params: unknown }

/**
 * A request's fingerprint: an HMAC under the code-hash key, like the codes themselves, so a dump of
 * the table cannot be searched for what a request carried (a code, a name) by hashing guesses.
 */
function paramsHash(params: unknown): string {
  return codeHash(stringify(params) ?? '')
}

/**
 * The fingerprints a stored row may hold for these parameters: keyed, then the plain sha256 rows
 * written before the HMAC (purged with their answers after REPLAY_KEPT_DAYS).
 */
function paramsHashCandidates(params: unknown): string[] {
  return codeHashCandidates(stringify(params) ?? '')
}

/**
 * Runs a state change at most once per (caller, requestId). The key row is claimed inside the same
 * transaction as the work, so either both commit or neither does; a concurrent twin waits on the
 * key's unique index and then reads the first answer. An expected failure (AppError) is recorded
 * too, so a repeat gets the same refusal. The same id with other parameters is refused.
 * `kept` turns the first answer into what is stored and what every repeat gets (a secret shown
 * once left out); the first caller still gets the answer whole.
 */
export async function runOnce<T>(db: Db, key: RequestKey, work: (tx: Db) => Promise<T>, kept: (data: T) => unknown = (data) => data): Promise<T> {
  const hash = paramsHash(key.params)
  const keyRow = { openid: key.openid, requestId: key.requestId, operation: key.operation, paramsHash: hash }
  try {
    const first = await db.transaction(async (tx) => {
      const claimed = await tx.insert(idempotencyKeys).values(keyRow).onConflictDoNothing().returning()
      if (claimed.length === 0) return null
      const data = await work(tx)
      const response: Envelope<unknown> = { ok: true, data: kept(data) }
      await tx
        .update(idempotencyKeys)
        .set({ response })
        .where(and(eq(idempotencyKeys.openid, key.openid), eq(idempotencyKeys.requestId, key.requestId)))
      return { data }
    })
    if (first) return first.data
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    const response: Envelope<never> = { ok: false, error: { code: error.code, message: error.message } }
    await db.insert(idempotencyKeys).values({ ...keyRow, response }).onConflictDoNothing()
  }
  return replay<T>(db, key)
}

async function replay<T>(db: Db, key: RequestKey): Promise<T> {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.openid, key.openid), eq(idempotencyKeys.requestId, key.requestId)))
  if (!row || row.operation !== key.operation || !paramsHashCandidates(key.params).includes(row.paramsHash)) throw new AppError('IDEMPOTENCY_MISMATCH')
  const response = row.response as Envelope<T>
  if (response.ok) return response.data
  throw new AppError(response.error.code as ErrorCode, response.error.message)
}

/**
 * How long a request's answer is kept for its repeats. A client repeats a request within seconds
 * or minutes (a lost answer, a retry); after 30 days a row only keeps what a dump should not hold.
 */
export const REPLAY_KEPT_DAYS = 30

/**
 * Deletes the stored answers of requests older than `olderThanDays` (a repeat after that runs the
 * action again, as a new request would). Run at gateway start; a timer may call it too. Answers
 * how many rows went.
 */
export async function purgeReplays(db: Db, olderThanDays: number = REPLAY_KEPT_DAYS): Promise<number> {
  if (!Number.isInteger(olderThanDays) || olderThanDays < 1) throw new Error(`purgeReplays: ${olderThanDays} is not a whole number of days`)
  const purged = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, sql`now() - make_interval(days => ${olderThanDays})`))
    .returning({ requestId: idempotencyKeys.requestId })
  return purged.length
}
