import { execFileSync } from 'node:child_process'

/**
 * What a villager, clerk or cadre sees of time, computed by the shared core in a Node process whose
 * clock zone is not Shanghai's, with Node's own Intl (a server somewhere else) and with Intl that
 * ignores `timeZone`, as Android WeChat's does (a phone in any zone).
 */
function shanghaiViews(zone: string, intl: 'node' | 'android'): Record<string, unknown> {
  // Jest keeps process.env per test file, so the zone is set on a separate Node process.
  const script = `
    const { ignoreIntlTimeZone } = require('./tests/support/android-intl.ts')
    if (process.argv[1] === 'android') ignoreIntlTimeZone(globalThis)
    const { formatLocalTime, lastMonths, localDay, periodRange, periodsOf } = require('./src/core/period.ts')
    const { clerkMayReverse } = require('./src/core/card/redemption.ts')
    const at = (iso) => new Date(iso)
    console.log(JSON.stringify({
      intlTimeZoneHonoured: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', hourCycle: 'h23' }).format(at('2026-11-24T01:30:00Z')) === '09',
      newYearsEve: periodsOf(at('2026-12-31T15:59:59Z')),
      newYear: periodsOf(at('2026-12-31T16:30:00Z')),
      chartMonths: lastMonths(at('2027-01-31T17:00:00Z'), 3),
      ledgerTimes: [formatLocalTime('2026-11-24T01:30:00.000Z'), formatLocalTime(at('2026-03-08T07:05:00Z')), formatLocalTime(at('2026-03-29T01:30:00Z'))],
      todayLateEvening: localDay(at('2026-11-24T23:30:00Z')),
      todaySummer: localDay(at('2026-06-30T16:30:00Z')),
      november: periodRange('2026-11'),
      newYorkSpringForwardDay: periodRange('2026-03-08'),
      londonSpringForwardDay: periodRange('2026-03-29'),
      year: periodRange('2027'),
      clerkMayReverseAcrossShanghaiMidnight: clerkMayReverse(at('2026-11-24T15:50:00Z'), at('2026-11-24T16:10:00Z')),
      clerkMayReverseSameShanghaiDay: clerkMayReverse(at('2026-11-24T16:10:00Z'), at('2026-11-25T15:50:00Z')),
    }))`
  const output = execFileSync(process.execPath, ['--import', 'tsx', '-e', script, intl], {
    env: { ...process.env, TZ: zone },
    encoding: 'utf8',
  })
  return JSON.parse(output)
}

const SHANGHAI = {
  newYearsEve: { month: '2026-12', year: '2026' },
  newYear: { month: '2027-01', year: '2027' },
  chartMonths: ['2026-12', '2027-01', '2027-02'],
  ledgerTimes: ['2026-11-24 09:30', '2026-03-08 15:05', '2026-03-29 09:30'],
  todayLateEvening: '2026-11-25',
  todaySummer: '2026-07-01',
  november: { from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z' },
  newYorkSpringForwardDay: { from: '2026-03-07T16:00:00.000Z', to: '2026-03-08T16:00:00.000Z' },
  londonSpringForwardDay: { from: '2026-03-28T16:00:00.000Z', to: '2026-03-29T16:00:00.000Z' },
  year: { from: '2026-12-31T16:00:00.000Z', to: '2027-12-31T16:00:00.000Z' },
  clerkMayReverseAcrossShanghaiMidnight: false,
  clerkMayReverseSameShanghaiDay: true,
}

describe('Shanghai time wherever the code runs', () => {
  // New York and London both keep daylight saving (New York springs forward on 2026-03-08, London on 2026-03-29).
  describe.each(['America/New_York', 'Europe/London'])('in %s', (zone) => {
    it('When the server runs there, then months, days and ledger times are Shanghai\'s', () => {
      expect(shanghaiViews(zone, 'node')).toEqual({ intlTimeZoneHonoured: true, ...SHANGHAI })
    })

    it('When an Android phone there ignores Intl\'s timeZone, then months, "today" and ledger times are still Shanghai\'s', () => {
      expect(shanghaiViews(zone, 'android')).toEqual({ intlTimeZoneHonoured: false, ...SHANGHAI })
    })
  })
})
