import { z } from 'zod'

/** The id of a stored record: a positive whole number within PostgreSQL's integer range. */
export const recordIdSchema = z.number().int().positive().max(2_147_483_647)

/** A calendar day "2026-11-24" that exists (not "2026-02-30", not "9999-99-99"). */
export const calendarDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 年-月-日')
  .refine((text) => {
    const [y, m, d] = text.split('-').map(Number)
    const date = new Date(Date.UTC(y, m - 1, d))
    return y >= 2000 && y <= 2100 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
  }, '没有这一天')
