import { and, desc, eq, gte, inArray, not, or, sql } from 'drizzle-orm'
import type { WaitingAnswer } from '../../../src/core/contracts/account'
import { ANSWER_SHOWN_DAYS } from '../../../src/core/reminders'
import type { Db } from '../../store/database'
import { matterSeconds, matters, matterSteps } from '../../store/schema'

const DAY_MS = 24 * 3600 * 1000

/**
 * When a matter was last answered (its latest 反馈结果 step); null before any answer. The outer matter
 * is named in full: a one-table select leaves its columns unqualified, and inside this subquery a bare
 * "id" would be the step's.
 */
export const lastAnsweredAt = sql<Date>`(select max(answer.created_at) from ${matterSteps} answer where answer.matter_id = ${sql.identifier('matters')}.${sql.identifier('id')} and answer.kind = 'feedback')`.mapWith(
  matterSteps.createdAt,
)

/**
 * The answers that are news to a household on its 首页: matters it raised or said 我也遇到 to, answered
 * (已反馈) in the last ANSWER_SHOWN_DAYS days. The raiser's stays until they have rated it; a 我也遇到
 * household's for those days. Both were told at the moment of the answer (matter/notify.ts); the raiser
 * is asked 「问题解决了吗？」 by the clock a few days later if no rating came.
 */
export async function householdAnswers(db: Db, householdId: string, now: Date): Promise<WaitingAnswer[]> {
  const seconded = db.select({ id: matterSeconds.matterId }).from(matterSeconds).where(eq(matterSeconds.householdId, householdId))
  const raised = eq(matters.householdId, householdId)
  const rows = await db
    .select({ id: matters.id, text: matters.text, outcome: matters.outcome, status: matters.status, householdId: matters.householdId, answeredAt: lastAnsweredAt })
    .from(matters)
    .where(
      and(
        or(raised, inArray(matters.id, seconded)),
        inArray(matters.status, ['answered', 'rated']),
        not(and(raised, eq(matters.status, 'rated'))!),
        gte(lastAnsweredAt, new Date(now.getTime() - ANSWER_SHOWN_DAYS * DAY_MS)),
      ),
    )
    .orderBy(desc(lastAnsweredAt), desc(matters.id))
    .limit(5)
  return rows.map((m) => ({
    id: m.id,
    text: m.text,
    outcome: m.outcome,
    answeredAt: m.answeredAt.toISOString(),
    raisedByUs: m.householdId === householdId,
  }))
}
