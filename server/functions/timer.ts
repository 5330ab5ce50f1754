import { isRetentionTick } from '../../src/core/photo-retention'
import type { Platform } from '../platform/platform'
import { retryPhotoChecks } from '../services/shared/photo-checks'
import { deleteExpiredPhotos } from '../services/shared/photo-retention'
import { sendReminders, type ReminderReport } from '../services/shared/reminders'
import type { Db } from '../store/database'

/** What one tick of the timer did, for the function's log (null: not this tick's work). */
export type TimerReport = { photoChecksRetried: number; photosDeleted: number | null; reminders: ReminderReport }

/**
 * The scheduled work, run by WeChat's timer trigger (config.json `triggers`, scripts/cloud-function-folder.ts):
 * every tick, photos whose image check never answered are asked about again; once a day (the tick from
 * 03:00 Shanghai time), closed cases' photos past their village's kept days are deleted from storage;
 * every tick outside quiet hours sends the reminders due and not yet sent (services/shared/reminders.ts).
 * "Now" is an input, so a test runs any day's tick; each step is safe to run twice (a tick may come
 * late, or twice).
 */
export async function runTimer(db: Db, platform: Pick<Platform, 'startMediaCheck' | 'deletePhotos' | 'sendSubscribeMessage'>, now: Date): Promise<TimerReport> {
  const photoChecksRetried = platform.startMediaCheck ? await retryPhotoChecks(db, platform.startMediaCheck, now) : 0
  const photosDeleted = platform.deletePhotos && isRetentionTick(now) ? await deleteExpiredPhotos(db, platform.deletePhotos, now) : null
  const reminders = await sendReminders(db, platform.sendSubscribeMessage, now)
  return { photoChecksRetried, photosDeleted, reminders }
}

/** How far a timer event's `Time` may lie from the server's clock and still name the tick. */
const TRUSTED_TIME_DRIFT_MS = 10 * 60_000

/**
 * The moment of this tick: the server's clock. A timer event's `Time` (WeChat's timer passes the tick's
 * ISO instant) names it instead when it lies within 10 minutes of the clock; an event is not proof of the
 * time, so one naming another day (or something unreadable) is ignored.
 */
export function timerNow(event: unknown, clock: () => Date = () => new Date()): Date {
  const now = clock()
  const time = typeof event === 'object' && event !== null ? (event as { Time?: unknown }).Time : undefined
  const named = typeof time === 'string' ? new Date(time) : null
  return named && Math.abs(named.getTime() - now.getTime()) <= TRUSTED_TIME_DRIFT_MS ? named : now
}
