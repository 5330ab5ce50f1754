import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

/**
 * Months, years and days are Asia/Shanghai calendar periods, whatever the server's or the phone's
 * zone, and times are shown on Shanghai's clock. Asia/Shanghai is UTC+8 all year: China has had no daylight saving since 1991. So its wall clock is
 * the UTC clock 8 hours on, exactly, with no time-zone database and no Intl. That matters on the
 * phone: Android WeChat's JS engine ignores Intl's `timeZone` option (dayjs #2635, Taro #16078), so
 * dayjs's `.tz('Asia/Shanghai')` would silently follow the phone's own zone there.
 */
const SHANGHAI_UTC_OFFSET_HOURS = 8

/** An instant's Asia/Shanghai wall clock, as a UTC-mode dayjs whose fields read Shanghai's. */
function shanghaiClock(instant: Date | string): dayjs.Dayjs {
  return dayjs.utc(instant).add(SHANGHAI_UTC_OFFSET_HOURS, 'hour')
}

/** The month ("2026-11") and year ("2026") an instant falls in, in Asia/Shanghai. */
export function periodsOf(instant: Date): { month: string; year: string } {
  const local = shanghaiClock(instant)
  return { month: local.format('YYYY-MM'), year: local.format('YYYY') }
}

/** The `count` months ending with the one `instant` falls in, oldest first. */
export function lastMonths(instant: Date, count: number): string[] {
  const local = shanghaiClock(instant).startOf('month')
  return Array.from({ length: count }, (_, i) => local.subtract(count - 1 - i, 'month').format('YYYY-MM'))
}

/** An instant as a villager reads it: "2026-11-24 09:30". */
export function formatLocalTime(instant: Date | string): string {
  return shanghaiClock(instant).format('YYYY-MM-DD HH:mm')
}

/** The instant a Shanghai wall clock reads "2026-12-07 08:00" (what formatLocalTime writes); null for anything else. */
export function parseLocalTime(text: string): Date | null {
  const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2})$/.exec(text.trim())
  if (!match) return null
  const instant = new Date(shanghaiInstant(match[1]).getTime() + (Number(match[2]) * 60 + Number(match[3])) * 60_000)
  return formatLocalTime(instant) === text.trim() ? instant : null
}

/** An instant on Shanghai's clock for a file name: "20261124-093005". */
export function fileTimestamp(instant: Date): string {
  return shanghaiClock(instant).format('YYYYMMDD-HHmmss')
}

/** The Asia/Shanghai calendar day ("2026-11-24") an instant falls in. */
export function localDay(instant: Date): string {
  return shanghaiClock(instant).format('YYYY-MM-DD')
}

/** Whole Asia/Shanghai calendar days from `now`'s day to `instant`'s day: 0 the same day, negative once past. */
export function calendarDaysUntil(instant: Date | string, now: Date): number {
  return dayjs.utc(localDay(new Date(instant))).diff(dayjs.utc(localDay(now)), 'day')
}

/** The instant an Asia/Shanghai wall clock reads `hour`:00 on a "2026-11-24" day. */
export function shanghaiInstant(day: string, hour = 0): Date {
  return dayjs.utc(day).add(hour - SHANGHAI_UTC_OFFSET_HOURS, 'hour').toDate()
}

/** The UTC instants [from, to) of an Asia/Shanghai year ("2026"), month ("2026-11") or day ("2026-11-24"). */
export function periodRange(period: string): { from: Date; to: Date } {
  const unit = period.length === 4 ? 'year' : period.length === 7 ? 'month' : 'day'
  const first = unit === 'year' ? `${period}-01-01` : unit === 'month' ? `${period}-01` : period
  return { from: shanghaiInstant(first), to: shanghaiInstant(shiftCalendar(first, 1, unit)) }
}

/** The calendar day `days` after (or before, when negative) a "2026-11-24" day. */
export function shiftDay(day: string, days: number): string {
  return shiftCalendar(day, days, 'day')
}

function shiftCalendar(day: string, amount: number, unit: 'year' | 'month' | 'day'): string {
  return dayjs.utc(day).add(amount, unit).format('YYYY-MM-DD')
}
