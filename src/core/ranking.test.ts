import fc from 'fast-check'
import { rankByPoints } from './ranking'

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
