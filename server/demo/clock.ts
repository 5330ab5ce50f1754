import { lastMonths, localDay, periodRange, periodsOf, shanghaiInstant } from '../../src/core/period'

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

/**
 * The demo's calendar, relative to the day it is seeded: every date the demo story uses is "so many
 * months or days before now", so the village looks alive on whatever day `npm start` first runs.
 */
export type DemoClock = {
  now: Date
  /** Day `day` of the month `monthsAgo` months before this one, at `hour` (Shanghai); null when that is not yet past. */
  dayOfMonth(monthsAgo: number, day: number, hour: number): Date | null
  /** `days` days before now (fractions allowed). */
  daysAgo(days: number): Date
  /** `minutes` before now, but never before today's start in Shanghai. */
  earlierToday(minutes: number): Date
  /** The first instant of this month in Shanghai. */
  monthStart: Date
}

export function demoClock(now: Date): DemoClock {
  const monthStart = periodRange(periodsOf(now).month).from
  const todayStart = shanghaiInstant(localDay(now))
  return {
    now,
    monthStart,
    dayOfMonth(monthsAgo, day, hour) {
      const month = lastMonths(now, monthsAgo + 1)[0]
      const at = shanghaiInstant(`${month}-${String(day).padStart(2, '0')}`, hour)
      return at.getTime() < now.getTime() - MINUTE ? at : null
    },
    daysAgo: (days) => new Date(now.getTime() - days * DAY),
    earlierToday: (minutes) => new Date(Math.max(todayStart.getTime() + MINUTE, now.getTime() - minutes * MINUTE)),
  }
}
