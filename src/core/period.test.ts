import { formatLocalTime, lastMonths, localDay, parseLocalTime, periodRange, periodsOf, shanghaiInstant, shiftDay } from './period'

describe('Asia/Shanghai calendar periods', () => {
  it('When it is late on 31 December in UTC, then in Pinghu it is already the new year', () => {
    expect(periodsOf(new Date('2026-12-31T16:30:00Z'))).toEqual({ month: '2027-01', year: '2027' })
    expect(periodsOf(new Date('2026-12-31T15:59:59Z'))).toEqual({ month: '2026-12', year: '2026' })
  })

  it('When a chart asks for six months, then it gets them oldest first, across a year end', () => {
    expect(lastMonths(new Date('2027-02-10T00:00:00Z'), 6)).toEqual(['2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02'])
  })

  it('When a time is shown, then it is the local wall-clock time', () => {
    expect(formatLocalTime(new Date('2026-11-24T01:30:00Z'))).toBe('2026-11-24 09:30')
    expect(formatLocalTime('2026-11-24T16:05:00.000Z')).toBe('2026-11-25 00:05')
  })

  it('When an inspection is set for 09:00 on a Pinghu day, then it is 01:00 UTC that day, and shows as 09:00', () => {
    expect(shanghaiInstant('2026-11-10', 9)).toEqual(new Date('2026-11-10T01:00:00Z'))
    expect(shanghaiInstant('2027-01-01')).toEqual(new Date('2026-12-31T16:00:00Z'))
    expect(formatLocalTime(shanghaiInstant('2026-11-10', 9))).toBe('2026-11-10 09:00')
  })
})

describe('period boundaries', () => {
  it('When a month is asked for, then it starts at local midnight on the 1st, which is 16:00 UTC the day before', () => {
    expect(periodRange('2026-11')).toEqual({ from: new Date('2026-10-31T16:00:00Z'), to: new Date('2026-11-30T16:00:00Z') })
  })

  it('When a year is asked for, then it covers the whole local calendar year', () => {
    expect(periodRange('2027')).toEqual({ from: new Date('2026-12-31T16:00:00Z'), to: new Date('2027-12-31T16:00:00Z') })
  })
})

describe('local days', () => {
  it('When it is 23:30 UTC, then in Pinghu it is already the next day, which runs 16:00 to 16:00 UTC', () => {
    expect(localDay(new Date('2026-11-24T23:30:00Z'))).toBe('2026-11-25')
    expect(periodRange('2026-11-25')).toEqual({ from: new Date('2026-11-24T16:00:00Z'), to: new Date('2026-11-25T16:00:00Z') })
  })

  it('When the shop summary steps a day back or forward, then it crosses month and year ends and leap days', () => {
    expect(shiftDay('2026-12-01', -1)).toBe('2026-11-30')
    expect(shiftDay('2026-12-31', 1)).toBe('2027-01-01')
    expect(shiftDay('2028-02-28', 1)).toBe('2028-02-29')
    expect(shiftDay('2026-03-01', -1)).toBe('2026-02-28')
  })

  it('When someone types a Shanghai time such as "2026-12-07 08:00", then it is that instant (00:00 UTC); a time that is not on the clock is refused', () => {
    expect(parseLocalTime('2026-12-07 08:00')).toEqual(new Date('2026-12-07T00:00:00Z'))
    expect(parseLocalTime('2026-12-07 07:59')).toEqual(new Date('2026-12-06T23:59:00Z'))
    for (const bad of ['2026-12-07', '2026-12-07 24:00', '2026-02-30 08:00', '2026-12-07T08:00', '明天 8 点']) expect(parseLocalTime(bad)).toBeNull()
  })
})
