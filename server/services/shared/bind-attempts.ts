import { and, eq, gt, sql } from 'drizzle-orm'
import { AppError } from '../../../src/core/errors'
import { BIND_FAILURES_PER_HOUR } from '../../../src/core/roster/invite-code'
import type { Db } from '../../store/database'
import { failedBindAttempts } from '../../store/schema'

/**
 * The attempt limit every one-time code shares (a household's invite code, a staff code): an
 * openid's tries are serialised by an advisory lock, so parallel guesses cannot all slip under the
 * hourly limit. Answers the failures so far this hour; refuses once they reach the limit, with
 * `tooMany` when the code has another name than 邀请码.
 */
export async function admitBindAttempt(db: Db, openid: string, tooMany?: string): Promise<number> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`bind:${openid}`}))`)
  const [{ failures }] = await db
    .select({ failures: sql<number>`count(*)::int` })
    .from(failedBindAttempts)
    .where(and(eq(failedBindAttempts.openid, openid), gt(failedBindAttempts.createdAt, sql`now() - interval '1 hour'`)))
  if (failures >= BIND_FAILURES_PER_HOUR) throw new AppError('TOO_MANY_ATTEMPTS', tooMany)
  return failures
}

/** Keeps a failed try (in the action's transaction, which must commit) and answers the tries left this hour. */
export async function recordFailedBind(db: Db, openid: string, reason: string, failuresBefore: number): Promise<number> {
  await db.insert(failedBindAttempts).values({ openid, reason })
  return BIND_FAILURES_PER_HOUR - failuresBefore - 1
}
