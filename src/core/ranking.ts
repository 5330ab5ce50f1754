/**
 * Standard competition ranking ("1, 2, 2, 4"): households with equal points share a rank and the
 * next rank skips. Equal points are listed in the order given (the caller sorts by house number),
 * so the list never depends on how the database happened to return rows.
 */
export function rankByPoints<T extends { points: number }>(rows: readonly T[]): (T & { rank: number })[] {
  const sorted = rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => b.row.points - a.row.points || a.index - b.index)
  let rank = 0
  return sorted.map(({ row }, position) => {
    if (position === 0 || sorted[position - 1].row.points !== row.points) rank = position + 1
    return { ...row, rank }
  })
}
