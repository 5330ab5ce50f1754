import { commendationOf } from './commendation'

describe('年度表彰', () => {
  const rating = (period: string, stars: number, rewardFen = 0) => ({ period, stars, redMinStars: 4, rewardFen })

  it('When every rating of the year reached the red list’s stars, then the merchant is commended with the reward of its latest band', () => {
    expect(commendationOf([rating('2026-12', 5, 300_000), rating('2026-06', 4, 100_000)])).toEqual({
      commended: true, ratings: 2, latestStars: 5, rewardFen: 300_000, why: '全年 2 次评比都在 4 星以上',
    })
  })

  it('When one rating fell short, or there was none, then no commendation and no reward, with why', () => {
    expect(commendationOf([rating('2026-03', 3), rating('2026-12', 5, 300_000)])).toMatchObject({ commended: false, rewardFen: 0, why: '2026-03 评为 3 星，不到 4 星' })
    expect(commendationOf([])).toMatchObject({ commended: false, ratings: 0, why: '这一年没有评过星级' })
  })
})
