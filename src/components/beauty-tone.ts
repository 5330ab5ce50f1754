/** The 美丽积分图's colours, shared by a micro-grid's chart (households × months) and the street's (villages × months). */

/** How a month looks: deductions red/orange, nothing grey, additions light/dark green. */
export type CellTone = 'bad' | 'low' | 'none' | 'ok' | 'good'

export function cellTone(points: number): CellTone {
  if (points <= -5) return 'bad'
  if (points < 0) return 'low'
  if (points === 0) return 'none'
  if (points < 5) return 'ok'
  return 'good'
}

/** "2026-06" → "6月". */
export function monthLabel(month: string): string {
  return `${Number(month.slice(5, 7))}月`
}
