/**
 * 年度表彰: at the year's end the alliance commends the merchants that did well all year (seed 004:
 * "对表现全面良好的商家给予相应表彰") and pays each its reward by the published terms. Pure: a merchant
 * is commended when it was rated in the year and every rating reached the red list's stars under the
 * terms it was rated by; its reward is the band its latest rating of the year reached.
 */
export type YearRating = { period: string; stars: number; redMinStars: number; rewardFen: number }

export type Commendation = { commended: boolean; ratings: number; latestStars: number | null; rewardFen: number; why: string }

export function commendationOf(ratings: readonly YearRating[]): Commendation {
  if (ratings.length === 0) return { commended: false, ratings: 0, latestStars: null, rewardFen: 0, why: '这一年没有评过星级' }
  const inOrder = [...ratings].sort((a, b) => a.period.localeCompare(b.period))
  const latest = inOrder[inOrder.length - 1]
  const short = inOrder.find((r) => r.stars < r.redMinStars)
  if (short) return { commended: false, ratings: inOrder.length, latestStars: latest.stars, rewardFen: 0, why: `${short.period} 评为 ${short.stars} 星，不到 ${short.redMinStars} 星` }
  return { commended: true, ratings: inOrder.length, latestStars: latest.stars, rewardFen: latest.rewardFen, why: `全年 ${inOrder.length} 次评比都在 ${Math.max(...inOrder.map((r) => r.redMinStars))} 星以上` }
}
