import { cellTone, monthLabel, type CellTone } from '../../components/beauty-tone'
import type { BeautyChart } from '../../core/contracts/score'

export type BeautyCell = { month: string; label: string; points: number; tone: CellTone }
export type BeautyRow = {
  householdId: string
  name: string
  houseNo: string
  cells: BeautyCell[]
  /** Points of the last `recentMonths` months. */
  recent: number
  total: number
  /** 需要多走访: the recent months are below zero in sum, or two of them are deductions. */
  needsVisit: boolean
}

/**
 * The chart as rows for a phone: one per household, the households that need visiting first
 * (lowest recent points first), then the others in the server's order (by 门牌).
 */
export function beautyRows(chart: BeautyChart, recentMonths = 3): BeautyRow[] {
  const rows = chart.households.map((household) => {
    const cells = chart.months.map((month, i) => {
      const points = household.monthly[i] ?? 0
      return { month, label: monthLabel(month), points, tone: cellTone(points) }
    })
    const recentCells = cells.slice(-recentMonths)
    const recent = recentCells.reduce((sum, cell) => sum + cell.points, 0)
    const deductionMonths = recentCells.filter((cell) => cell.points < 0).length
    return {
      householdId: household.householdId,
      name: household.name,
      houseNo: household.houseNo,
      cells,
      recent,
      total: cells.reduce((sum, cell) => sum + cell.points, 0),
      needsVisit: recent < 0 || deductionMonths >= 2,
    }
  })
  const order = new Map(rows.map((row, i) => [row.householdId, i]))
  return [...rows].sort((a, b) => {
    if (a.needsVisit !== b.needsVisit) return a.needsVisit ? -1 : 1
    if (a.needsVisit && a.recent !== b.recent) return a.recent - b.recent
    return (order.get(a.householdId) ?? 0) - (order.get(b.householdId) ?? 0)
  })
}
