/**
 * A score's two times: when the scorer saw it (observed: the walk finished on the phone, perhaps
 * offline) and when it reached the server (recorded). The ledger is written when recorded, so a
 * score counts for the Asia/Shanghai month and year it is recorded in: monthly and yearly limits,
 * rankings and the dividend year all follow the recorded time, and a published dividend is never
 * reopened by a walk that arrives late. The observed time is kept and shown beside it.
 */

/** A walk that reaches the server more than this many hours after it was observed waits for a cadre. */
export const LATE_WALK_HOURS = 72
/** The oldest walk the server takes at all. */
export const OLDEST_WALK_DAYS = 30
/** How far ahead of the server's clock a phone's clock may run. */
export const CLOCK_AHEAD_MINUTES = 10

export type ObservedCheck = { accepted: true; late: boolean } | { accepted: false; message: string }

/** Whether a walk observed at `observedAt` and arriving `now` is taken, and whether it is late. */
export function checkObservedAt(observedAt: Date, now: Date): ObservedCheck {
  const ageMs = now.getTime() - observedAt.getTime()
  if (ageMs < -CLOCK_AHEAD_MINUTES * 60_000) return { accepted: false, message: '手机上的时间比现在还晚，请把手机时间调准后再上传' }
  if (ageMs > OLDEST_WALK_DAYS * 24 * 3_600_000) return { accepted: false, message: `这次评分是 ${OLDEST_WALK_DAYS} 天以前记的，太久了，请重新入户评分` }
  return { accepted: true, late: ageMs > LATE_WALK_HOURS * 3_600_000 }
}
