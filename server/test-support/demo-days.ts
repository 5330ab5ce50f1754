import { shanghaiInstant } from '../../src/core/period'

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
