import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)
dayjs.extend(timezone)

/** Months and years are Asia/Shanghai calendar periods, whatever the server's clock zone. */
export const TIME_ZONE = 'Asia/Shanghai'

/** The month ("2026-11") and year ("2026") an instant falls in, in Asia/Shanghai. */
export function periodsOf(instant: Date): { month: string; year: string } {
  const local = dayjs(instant).tz(TIME_ZONE)
  return { month: local.format('YYYY-MM'), year: local.format('YYYY') }
}

/** The `count` months ending with the one `instant` falls in, oldest first. */
export function lastMonths(instant: Date, count: number): string[] {
  const local = dayjs(instant).tz(TIME_ZONE).startOf('month')
  return Array.from({ length: count }, (_, i) => local.subtract(count - 1 - i, 'month').format('YYYY-MM'))
}

/** An instant as a villager reads it: "2026-11-24 09:30". */
export function formatLocalTime(instant: Date | string): string {
  return dayjs(instant).tz(TIME_ZONE).format('YYYY-MM-DD HH:mm')
}

/** The Asia/Shanghai calendar day ("2026-11-24") an instant falls in. */
export function localDay(instant: Date): string {
  return dayjs(instant).tz(TIME_ZONE).format('YYYY-MM-DD')
}

/** The UTC instants [from, to) of an Asia/Shanghai year ("2026"), month ("2026-11") or day ("2026-11-24"). */
export function periodRange(period: string): { from: Date; to: Date } {
  const unit = period.length === 4 ? 'year' : period.length === 7 ? 'month' : 'day'
  const first = unit === 'year' ? `${period}-01-01` : unit === 'month' ? `${period}-01` : period
  // Calendar arithmetic on the plain date: adding to a tz instant would follow the process zone's DST.
  const next = shiftCalendar(first, 1, unit)
  return { from: dayjs.tz(first, TIME_ZONE).toDate(), to: dayjs.tz(next, TIME_ZONE).toDate() }
}

/** The calendar day `days` after (or before, when negative) a "2026-11-24" day. */
export function shiftDay(day: string, days: number): string {
  return shiftCalendar(day, days, 'day')
}

function shiftCalendar(day: string, amount: number, unit: 'year' | 'month' | 'day'): string {
  return dayjs.utc(day).add(amount, unit).format('YYYY-MM-DD')
}
