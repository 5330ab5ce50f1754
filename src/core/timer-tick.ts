/**
 * The timer's beat: WeChat's timer trigger fires at second 0 of every tenth minute (its cron has 7 fields,
 * seconds first and the year last), and the local gateway keeps the same beat.
 */
export const TIMER_TICK_MINUTES = 10
export const TIMER_CRON = `0 */${TIMER_TICK_MINUTES} * * * * *`
const TICK_MS = TIMER_TICK_MINUTES * 60_000

/** The first tick strictly after `now` (Shanghai is a whole number of hours from UTC, so UTC's minutes are its minutes). */
export function nextTick(now: Date): Date {
  return new Date((Math.floor(now.getTime() / TICK_MS) + 1) * TICK_MS)
}

/** Whether `now` falls within the tick that starts at `start` (a timer may fire a little late). */
export function isTickFrom(start: Date, now: Date): boolean {
  const since = now.getTime() - start.getTime()
  return since >= 0 && since < TICK_MS
}
