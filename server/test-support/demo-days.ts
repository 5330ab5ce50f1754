import { lastMonths, periodsOf, shanghaiInstant } from '../../src/core/period'
import { demoClock } from '../demo/clock'
import { beforeTheYearsFirstRound as beforeFirstRound, roundAt } from '../demo/history'

/**
 * The days a test of the living demo is run on: the demo is seeded as of each, so a test that reads
 * "this month" or "this year" must hold on the first minutes of a year and of a month, the last
 * minutes of a month, a leap day, and whatever today is.
 */
export const DEMO_DAYS: ReadonlyArray<readonly [string, Date]> = [
  ['1 January, 00:30', shanghaiInstant('2027-01-01', 0.5)],
  ['1 March, 00:30 (the day after 29 February)', shanghaiInstant('2028-03-01', 0.5)],
  ['the last day of a month, 23:30', shanghaiInstant('2026-11-30', 23.5)],
  ['29 February, noon', shanghaiInstant('2028-02-29', 12)],
  ['today', new Date()],
]

/** Whether the demo seeded at `now` has walked this month's inspection round (not in a month's first hours). */
export function roundWalked(now: Date): boolean {
  return roundAt(demoClock(now), 0) !== null
}

/** The month of the demo's latest inspection round: this month, or last month in this month's first hours. */
export function latestRoundMonth(now: Date): string {
  return roundWalked(now) ? periodsOf(now).month : lastMonths(now, 2)[0]
}

/** New year's first hours, before January's round: nobody has points for the year yet. */
export function beforeTheYearsFirstRound(now: Date): boolean {
  return beforeFirstRound(demoClock(now))
}
