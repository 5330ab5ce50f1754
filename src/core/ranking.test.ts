import { rankBand } from './ranking'

describe('rank bands (善治贷 certificates)', () => {
  it('When a rank is within a share of the village, then it is stated as that band', () => {
    expect(rankBand(1, 32)).toBe('前 10%')
    expect(rankBand(3, 32)).toBe('前 10%')
    expect(rankBand(4, 32)).toBe('前 20%')
    expect(rankBand(16, 32)).toBe('前 50%')
    expect(rankBand(17, 32)).toBe('后 50%')
    expect(rankBand(1, 5)).toBe('前 20%')
  })

  it('When households tie, then they share the band of their shared rank', () => {
    // 50, 50, 50, 10 points: ranks 1, 1, 1, 4 of 4.
    expect([1, 1, 1, 4].map((rank) => rankBand(rank, 4))).toEqual(['前 30%', '前 30%', '前 30%', '后 50%'])
  })

  it('When a rank is not among the households, then it is refused', () => {
    expect(() => rankBand(0, 3)).toThrow()
    expect(() => rankBand(4, 3)).toThrow()
  })
})
