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

/** The bands a rank is stated in (善治贷 certificates): the top 10%, 20%, 30%, 50%, or the rest. */
const RANK_BAND_PERCENTS = [10, 20, 30, 50] as const

/**
 * "前 10%" when a rank among `total` households lies within the top 10% (rank ≤ 10% of total), and so
 * on; "后 50%" below the middle. Ties share the better rank, as on the ranking page.
 */
export function rankBand(rank: number, total: number): string {
  if (!Number.isSafeInteger(rank) || !Number.isSafeInteger(total) || rank < 1 || rank > total) {
    throw new RangeError(`rank ${rank} of ${total}`)
  }
  const band = RANK_BAND_PERCENTS.find((percent) => rank * 100 <= total * percent)
  return band === undefined ? '后 50%' : `前 ${band}%`
}
