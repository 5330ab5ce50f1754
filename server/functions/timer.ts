import type { Platform } from '../platform/platform'
import { retryPhotoChecks } from '../services/shared/photo-checks'
import type { Db } from '../store/database'

/** What one tick of the timer did, for the function's log. */
export type TimerReport = { photoChecksRetried: number }

/**
 * The scheduled work, run by WeChat's timer trigger (config.json `triggers`, scripts/cloud-function-folder.ts):
 * photos whose image check never answered are asked about again. "Now" is an input, so a test runs any
 * day's tick; each step is safe to run twice (a tick may come late, or twice).
 */
export async function runTimer(db: Db, platform: Pick<Platform, 'startMediaCheck'>, now: Date): Promise<TimerReport> {
  const photoChecksRetried = platform.startMediaCheck ? await retryPhotoChecks(db, platform.startMediaCheck, now) : 0
  return { photoChecksRetried }
}

/**
 * The moment a timer event names (WeChat's timer passes `Time`, an ISO instant); the clock when it names
 * none or something unreadable.
 */
export function timerNow(event: unknown, clock: () => Date = () => new Date()): Date {
  const time = typeof event === 'object' && event !== null ? (event as { Time?: unknown }).Time : undefined
  const parsed = typeof time === 'string' ? new Date(time) : null
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed : clock()
}
