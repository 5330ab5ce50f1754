import { calendarDaySchema, recordIdSchema } from './record-id'

describe('ids and days in requests', () => {
  it('When an id is beyond PostgreSQL’s integer range or not a whole positive number, then it is refused', () => {
    expect(recordIdSchema.safeParse(2_147_483_647).success).toBe(true)
    for (const bad of [2_147_483_648, 0, -1, 1.5, '1']) expect(recordIdSchema.safeParse(bad).success).toBe(false)
  })

  it('When a day does not exist, then it is refused', () => {
    expect(calendarDaySchema.safeParse('2026-11-24').success).toBe(true)
    expect(calendarDaySchema.safeParse('2028-02-29').success).toBe(true)
    for (const bad of ['2026-02-30', '9999-99-99', '2026-13-01', '2026-1-1']) expect(calendarDaySchema.safeParse(bad).success).toBe(false)
  })
})
