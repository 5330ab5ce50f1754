import fc from 'fast-check'
import { rankBand, rankByPoints } from './ranking'

describe('village ranking', () => {
  it('When two households tie, then they share a rank and the next rank is skipped', () => {
    const ranked = rankByPoints([
      { id: 'a', points: 10 },
      { id: 'b', points: 30 },
      { id: 'c', points: 10 },
      { id: 'd', points: 5 },
    ])
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 2],
      ['d', 4],
    ])
  })

  it('When any points are ranked, then ranks never fall while points fall, and ties share a rank', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 200 }), { maxLength: 60 }), (points) => {
        const ranked = rankByPoints(points.map((p, i) => ({ i, points: p })))
        expect(ranked).toHaveLength(points.length)
        for (let k = 1; k < ranked.length; k++) {
          const [prev, cur] = [ranked[k - 1], ranked[k]]
          expect(cur.points).toBeLessThanOrEqual(prev.points)
          expect(cur.rank).toBe(cur.points === prev.points ? prev.rank : k + 1)
        }
      }),
    )
  })
})

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
    const ranked = rankByPoints([{ points: 50 }, { points: 50 }, { points: 50 }, { points: 10 }])
    expect(ranked.map((r) => rankBand(r.rank, ranked.length))).toEqual(['前 30%', '前 30%', '前 30%', '后 50%'])
  })

  it('When a rank is not among the households, then it is refused', () => {
    expect(() => rankBand(0, 3)).toThrow()
    expect(() => rankBand(4, 3)).toThrow()
  })
})
