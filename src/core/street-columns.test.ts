import type { StreetRow } from './contracts/street'
import { sortStreetRows, STREET_COLUMNS } from './street-columns'

const NUMBERS = { raised: 0, closed: 0, medianDaysToFeedback: null, rated: 0, satisfaction: null, overdue: 0 }

function row(name: string, fields: Partial<StreetRow>): StreetRow {
  return {
    org: { id: name, name, kind: 'village' },
    households: 0,
    boundHouseholds: 0,
    boundMembers: 0,
    given: 0,
    deducted: 0,
    net: 0,
    categories: [],
    rectification: { opened: 0, rectified: 0, overdue: 0, rate: null, medianHoursToRectify: null },
    claims: { count: 0, oldestHours: null },
    appeals: { count: 0, oldestHours: null },
    spent: 0,
    dividend: null,
    matters: NUMBERS,
    trend: { given: [], deducted: [] },
    beauty: [],
    ...fields,
  }
}

const text = (key: string, r: StreetRow) => STREET_COLUMNS.find((c) => c.key === key)!.text(r)

describe('the street view’s columns (the screen and the .xlsx read the same texts)', () => {
  const a = row('赵家桥村', { households: 32, boundHouseholds: 9, given: 120, rectification: { opened: 4, rectified: 3, overdue: 1, rate: 0.75, medianHoursToRectify: 43 } })
  const b = row('通界村', { households: 8, boundHouseholds: 0, given: 300, rectification: { opened: 0, rectified: 0, overdue: 0, rate: null, medianHoursToRectify: null } })
  const c = row('东湖社区', { households: 4, boundHouseholds: 1, given: 120 })

  it('When sorted by 加分, then the largest first, ties keep their order; tapped again, the smallest first', () => {
    expect(sortStreetRows([a, b, c], 'given', true).map((r) => r.org.name)).toEqual(['通界村', '赵家桥村', '东湖社区'])
    expect(sortStreetRows([a, b, c], 'given', false).map((r) => r.org.name)).toEqual(['赵家桥村', '东湖社区', '通界村'])
  })

  it('When a column has no figure for a row (no notices, so no rate), then that row sorts last either way', () => {
    expect(sortStreetRows([b, a], 'rate', true).map((r) => r.org.name)).toEqual(['赵家桥村', '通界村'])
    expect(sortStreetRows([b, a], 'rate', false).map((r) => r.org.name)).toEqual(['赵家桥村', '通界村'])
  })

  it('When shown, then shares are percentages with one decimal, missing figures a dash, money in yuan', () => {
    expect(text('coverage', a)).toBe('28.1%')
    expect(text('rate', a)).toBe('75%')
    expect(text('rate', b)).toBe('—')
    expect(text('medianHours', a)).toBe('43')
    const paid = row('通界村', { dividend: { year: 2025, status: 'published', totalFen: 56_160_000, incentiveFen: 9_360_000, incentiveShare: 1 / 6, publishedAt: '2026-01-20T02:00:00.000Z' } })
    expect([text('dividendStatus', paid), text('dividendTotal', paid), text('incentiveShare', paid), text('publishedAt', paid)]).toEqual([
      '2025年已公示',
      '561,600.00',
      '16.7%',
      '2026-01-20',
    ])
  })
})
