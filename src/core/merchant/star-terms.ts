/**
 * An alliance's star rating (星级评比) as published data, like a bank's terms: from a number of points
 * earned over the window of months up to the rating month, a number of stars (1–5); the red list
 * (红榜) takes merchants rated at least `redMinStars` with nothing open, the black list (黑榜) those
 * with an open or overdue rectification or whose balance is below `blackLine`. The alliance publishes
 * versions, each from a day on; versions are never edited, and a rating keeps the version it used.
 */
/** `rewardFen`: what the alliance pays a merchant commended at the year's end whose last rating reached the band (0 or absent: none). */
export type StarBand = { minPoints: number; stars: number; rewardFen?: number }

export type StarTerms = {
  /** Months of earned points a rating reads, ending with the rating month. */
  windowMonths: number
  bands: StarBand[]
  redMinStars: number
  /** A balance below this puts the merchant on the black list (公布的黑榜线). */
  blackLine: number
}

export const MAX_STARS = 5

/** Why star terms cannot be published, in plain words, or null. */
export function starTermsProblem(terms: StarTerms): string | null {
  const { bands } = terms
  if (bands.length === 0) return '请至少填一档'
  for (let i = 1; i < bands.length; i++) {
    if (bands[i].minPoints <= bands[i - 1].minPoints) return `第 ${i + 1} 档的起点积分要高于第 ${i} 档`
    if (bands[i].stars <= bands[i - 1].stars) return `第 ${i + 1} 档的星级要高于第 ${i} 档`
    if ((bands[i].rewardFen ?? 0) < (bands[i - 1].rewardFen ?? 0)) return `第 ${i + 1} 档的奖励不能低于第 ${i} 档`
  }
  if (!bands.some((b) => b.stars >= terms.redMinStars)) return `没有哪一档能达到上红榜要的 ${terms.redMinStars} 星`
  return null
}

/** The stars a number of points reaches: the highest band whose start it meets, 0 below the first. */
export function starsFor(bands: readonly StarBand[], points: number): number {
  return bandReached(bands, points)?.stars ?? 0
}

/** "★★★☆☆" */
export function starText(stars: number): string {
  return '★'.repeat(stars) + '☆'.repeat(MAX_STARS - stars)
}

/** What a merchant's stars read on a page: "★★★★☆ 4 星" (`count: false`: "★★★★☆"), 未评星 for one never rated. */
export function starsShown(stars: number | null, { count = true } = {}): string {
  if (stars === null) return '未评星'
  return count ? `${starText(stars)} ${stars} 星` : starText(stars)
}

/** The band a number of points reaches, or null below the first. */
export function bandReached(bands: readonly StarBand[], points: number): StarBand | null {
  let reached: StarBand | null = null
  for (const band of bands) if (points >= band.minPoints) reached = band
  return reached
}
