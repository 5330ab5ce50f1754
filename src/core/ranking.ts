/**
 * How many households a ranking page lists first (红榜) and last (黑榜), beside the caller's own.
 * Ranks are standard competition ranks ("1, 2, 2, 4"), equal points listed by house number
 * (server/store/household-views.ts, selectRanking).
 */
export const RANKING_PAGE = 10

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
