import fc from 'fast-check'
import { apportion } from './apportion'

const sum = (parts: Map<string, number>) => [...parts.values()].reduce((a, b) => a + b, 0)

describe('largest-remainder apportionment', () => {
  it('When 100 fen are shared by weights 1:1:1, then the parts are 34, 33, 33 and the extra fen goes to the smallest id', () => {
    const parts = apportion(100, [
      { id: 'c', weight: 1 },
      { id: 'a', weight: 1 },
      { id: 'b', weight: 1 },
    ])
    expect(Object.fromEntries(parts)).toEqual({ a: 34, b: 33, c: 33 })
  })

  it('When remainders differ, then the leftover fen go to the largest remainders first', () => {
    // 10 fen by 3:3:1 → quotas 4.2857, 4.2857, 1.4286: floors 4+4+1 = 9, the one fen left goes to c (0.4286 > 0.2857).
    expect(Object.fromEntries(apportion(10, [{ id: 'a', weight: 3 }, { id: 'b', weight: 3 }, { id: 'c', weight: 1 }]))).toEqual({
      a: 4,
      b: 4,
      c: 2,
    })
  })

  it('When a claim has weight zero, then it gets nothing', () => {
    expect(apportion(999, [{ id: 'a', weight: 0 }, { id: 'b', weight: 5 }]).get('a')).toBe(0)
  })

  it('When there is money but no weight at all, then it refuses instead of losing the money', () => {
    expect(() => apportion(100, [{ id: 'a', weight: 0 }])).toThrow(RangeError)
  })

  it('When the pool is zero, then everybody gets zero even with no weight', () => {
    expect(Object.fromEntries(apportion(0, [{ id: 'a', weight: 0 }]))).toEqual({ a: 0 })
  })

  it('When pools and weights are huge, then the arithmetic stays exact', () => {
    const parts = apportion(Number.MAX_SAFE_INTEGER, [
      { id: 'a', weight: Number.MAX_SAFE_INTEGER },
      { id: 'b', weight: 1 },
    ])
    expect(sum(parts)).toBe(Number.MAX_SAFE_INTEGER)
  })

  const claims = fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 6 }), weight: fc.nat({ max: 1_000_000 }) }), {
    minLength: 1,
    maxLength: 60,
    selector: (c) => c.id,
  })

  it('When any pool is shared by any weights, then the parts add up exactly, none is negative, and each is within one fen of its quota', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000_000 }), claims, (pool, cs) => {
        fc.pre(cs.some((c) => c.weight > 0))
        const parts = apportion(pool, cs)
        expect(sum(parts)).toBe(pool)
        const totalWeight = cs.reduce((a, c) => a + c.weight, 0)
        for (const c of cs) {
          const part = parts.get(c.id)!
          expect(part).toBeGreaterThanOrEqual(0)
          const quota = (pool * c.weight) / totalWeight
          expect(Math.abs(part - quota)).toBeLessThan(1 + 1e-6 * quota)
        }
      }),
    )
  })

  it('When the claims come in another order, then every part is the same', () => {
    const claimsAndShuffle = claims.chain((cs) => fc.tuple(fc.constant(cs), fc.shuffledSubarray(cs, { minLength: cs.length })))
    fc.assert(
      fc.property(fc.nat({ max: 100_000_000 }), claimsAndShuffle, (pool, [cs, shuffled]) => {
        fc.pre(cs.some((c) => c.weight > 0))
        expect(Object.fromEntries(apportion(pool, shuffled))).toEqual(Object.fromEntries(apportion(pool, cs)))
      }),
    )
  })

  it('When one claim weighs more than another, then it never gets less', () => {
    fc.assert(
      fc.property(fc.nat({ max: 100_000_000 }), claims, (pool, cs) => {
        fc.pre(cs.some((c) => c.weight > 0))
        const parts = apportion(pool, cs)
        for (const a of cs) for (const b of cs) if (a.weight > b.weight) expect(parts.get(a.id)!).toBeGreaterThanOrEqual(parts.get(b.id)!)
      }),
    )
  })
})
