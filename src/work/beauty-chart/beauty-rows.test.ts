import type { BeautyChart } from '../../core/contracts/score'
import { cellTone, monthLabel } from '../../components/beauty-tone'
import { beautyRows } from './beauty-rows'

const months = ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']

function chart(households: [string, number[]][]): BeautyChart {
  return {
    org: { id: 'mg-1', name: '1号微网格', kind: 'micro_grid' },
    months,
    households: households.map(([name, monthly], i) => ({ householdId: `h-${i}`, name, houseNo: `0${i}号`, monthly })),
    microGrids: [],
  }
}

describe('beautyRows', () => {
  it('When a household stays low in the last three months, then it comes first and is flagged', () => {
    const rows = beautyRows(
      chart([
        ['好', [2, 2, 2, 2, 2, 2]],
        ['平', [0, 0, 0, 0, 0, 0]],
        ['低', [5, 5, 5, -2, -2, 2]],
        ['更低', [0, 0, 0, 0, -5, 0]],
      ]),
    )
    expect(rows.map((r) => [r.name, r.needsVisit])).toEqual([
      ['更低', true],
      ['低', true],
      ['好', false],
      ['平', false],
    ])
    expect(rows[0].recent).toBe(-5)
    expect(rows[1].total).toBe(13)
  })

  it('When old deductions were made good lately, then the household is not flagged', () => {
    const [row] = beautyRows(chart([['改好了', [-10, -10, -10, 2, 2, 2]]]))
    expect(row.needsVisit).toBe(false)
    expect(row.cells.map((c) => c.tone)).toEqual(['bad', 'bad', 'bad', 'ok', 'ok', 'ok'])
  })

  it('labels months and tones points', () => {
    expect(monthLabel('2026-06')).toBe('6月')
    expect(monthLabel('2026-11')).toBe('11月')
    expect([-5, -1, 0, 1, 5].map(cellTone)).toEqual(['bad', 'low', 'none', 'ok', 'good'])
  })
})
