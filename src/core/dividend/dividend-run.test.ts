import fc from 'fast-check'
import { computeDividend, incentiveFromRatio, parseRatio, type DividendHousehold, type DividendPlan } from './dividend-run'
import { INCENTIVE_PRESETS, type IncentiveMethod } from './incentive-methods'

function planned(plan: DividendPlan) {
  const result = computeDividend(plan)
  if (!result.ok) throw new Error(result.problem)
  return result.run
}

const sumOf = (lines: { basicFen: number; incentiveFen: number; totalFen: number }[], key: 'basicFen' | 'incentiveFen' | 'totalFen') =>
  lines.reduce((sum, line) => sum + line[key], 0)

/** A village shaped like 通界村: a few hundred households with 1–6 shares and 40–100 points (some with none). */
function tongjieHouseholds(): DividendHousehold[] {
  return Array.from({ length: 457 }, (_, i) => ({
    householdId: `h-tj-${String(i + 1).padStart(3, '0')}`,
    shares: 1 + ((i * 7) % 6),
    points: i % 41 === 0 ? 0 : 40 + ((i * 13) % 61),
  }))
}

const methods: IncentiveMethod[] = INCENTIVE_PRESETS.map((p) => p.method)

describe('通界村 2019', () => {
  it.each(methods.map((m) => [m.kind === 'proportional' ? 'proportional' : JSON.stringify(m.tiers), m]))(
    'When a 56.16万元 pool has a 9.36万元 incentive (%s), then the basic pool is 46.8万元 and the lines add up to each pool to the fen',
    (_name, method) => {
      const run = planned({ totalFen: 56_160_000, incentiveFen: 9_360_000, method, households: tongjieHouseholds() })
      expect(run.basicFen).toBe(46_800_000)
      expect(run.incentiveFen).toBe(9_360_000)
      expect(sumOf(run.lines, 'basicFen')).toBe(46_800_000)
      expect(sumOf(run.lines, 'incentiveFen')).toBe(9_360_000)
      expect(sumOf(run.lines, 'totalFen')).toBe(56_160_000)
    },
  )

  it('When the incentive is given as the ratio 1/6 of 56.16万元, then it is 9.36万元 exactly', () => {
    expect(incentiveFromRatio(56_160_000, 1, 6)).toBe(9_360_000)
    expect(parseRatio('1/6')).toEqual({ numerator: 1, denominator: 6 })
  })
})

describe('one household line', () => {
  it('When households have shares and points, then basic follows shares and incentive follows points', () => {
    const run = planned({
      totalFen: 10_000,
      incentiveFen: 1_000,
      method: { kind: 'proportional' },
      households: [
        { householdId: 'b', shares: 1, points: 30 },
        { householdId: 'a', shares: 2, points: 70 },
      ],
    })
    expect(run.lines.map(({ householdId, basicFen, incentiveFen, totalFen }) => ({ householdId, basicFen, incentiveFen, totalFen }))).toEqual([
      { householdId: 'a', basicFen: 6_000, incentiveFen: 700, totalFen: 6_700 },
      { householdId: 'b', basicFen: 3_000, incentiveFen: 300, totalFen: 3_300 },
    ])
  })

  it('When a household has zero or negative points, then it gets no incentive but keeps its share dividend', () => {
    const run = planned({
      totalFen: 9_000,
      incentiveFen: 3_000,
      method: { kind: 'proportional' },
      households: [
        { householdId: 'minus', shares: 1, points: -20 },
        { householdId: 'zero', shares: 1, points: 0 },
        { householdId: 'plus', shares: 1, points: 5 },
      ],
    })
    const byId = Object.fromEntries(run.lines.map((l) => [l.householdId, l]))
    expect(byId.minus).toMatchObject({ basicFen: 2_000, incentiveFen: 0 })
    expect(byId.zero).toMatchObject({ basicFen: 2_000, incentiveFen: 0 })
    expect(byId.plus).toMatchObject({ basicFen: 2_000, incentiveFen: 3_000 })
  })

  it('When the tilted tiers apply, then a 90-point household gets more than 90/80 of an 80-point one', () => {
    const run = planned({
      totalFen: 100_000,
      incentiveFen: 100_000,
      method: INCENTIVE_PRESETS.find((p) => p.id === 'tilted')!.method,
      households: [
        { householdId: 'a', shares: 1, points: 80 },
        { householdId: 'b', shares: 1, points: 90 },
      ],
    })
    // 80 × 1.2 = 96 份, 90 × 1.5 = 135 份: 100,000 × 96/231 and × 135/231.
    expect(run.lines.map((l) => l.incentiveFen)).toEqual([41_558, 58_442])
  })

  it('When nobody has points and there is an incentive, then the run is refused with a reason', () => {
    const result = computeDividend({ totalFen: 100, incentiveFen: 10, method: { kind: 'proportional' }, households: [{ householdId: 'a', shares: 1, points: 0 }] })
    expect(result).toEqual({ ok: false, problem: expect.stringContaining('积分激励无法分配') })
  })

  it('When the incentive is larger than the whole pool, then the run is refused', () => {
    expect(computeDividend({ totalFen: 100, incentiveFen: 101, method: { kind: 'proportional' }, households: [] }).ok).toBe(false)
  })
})

describe('ratios typed by a person', () => {
  it.each([
    ['1/6', { numerator: 1, denominator: 6 }],
    ['0.2', { numerator: 2, denominator: 10 }],
    ['16.5%', { numerator: 165, denominator: 1000 }],
    ['1', { numerator: 1, denominator: 1 }],
  ])('When the ratio is "%s", then it reads as that fraction', (text, fraction) => {
    expect(parseRatio(text)).toEqual(fraction)
  })

  it.each(['7/6', '1.5', 'abc', '1/0', '120%'])('When the ratio is "%s", then it is not accepted', (text) => {
    expect(parseRatio(text)).toBeNull()
  })
})

describe('properties of any run', () => {
  const household = fc.record({
    shares: fc.nat({ max: 50 }),
    points: fc.integer({ min: -200, max: 2_000 }),
  })
  const households = fc
    .uniqueArray(fc.tuple(fc.string({ minLength: 1, maxLength: 8 }), household), { minLength: 1, maxLength: 80, selector: (t) => t[0] })
    .map((rows) => rows.map(([householdId, h]) => ({ householdId, ...h })))
  const method = fc.constantFrom(...methods)
  const pools = fc.nat({ max: 5_000_000_000 }).chain((total) => fc.tuple(fc.constant(total + 1), fc.nat({ max: total + 1 })))

  it('When any households, shares, points and pools are run, then each pool adds up exactly and no amount is negative', () => {
    fc.assert(
      fc.property(households, method, pools, (hs, m, [totalFen, incentiveFen]) => {
        const result = computeDividend({ totalFen, incentiveFen, method: m, households: hs })
        fc.pre(result.ok)
        if (!result.ok) return
        const { lines } = result.run
        expect(sumOf(lines, 'basicFen')).toBe(totalFen - incentiveFen)
        expect(sumOf(lines, 'incentiveFen')).toBe(incentiveFen)
        expect(sumOf(lines, 'totalFen')).toBe(totalFen)
        for (const line of lines) {
          expect(line.basicFen).toBeGreaterThanOrEqual(0)
          expect(line.incentiveFen).toBeGreaterThanOrEqual(0)
          expect(line.totalFen).toBe(line.basicFen + line.incentiveFen)
          if (line.points <= 0) expect(line.incentiveFen).toBe(0)
        }
      }),
    )
  })

  it('When one household has more points than another, then it never gets less incentive', () => {
    fc.assert(
      fc.property(households, method, pools, (hs, m, [totalFen, incentiveFen]) => {
        const result = computeDividend({ totalFen, incentiveFen, method: m, households: hs })
        fc.pre(result.ok)
        if (!result.ok) return
        for (const a of result.run.lines) {
          for (const b of result.run.lines) if (a.points > b.points) expect(a.incentiveFen).toBeGreaterThanOrEqual(b.incentiveFen)
        }
      }),
    )
  })

  it('When the same households come in any order, then the run is the same', () => {
    const inTwoOrders = households.chain((hs) => fc.tuple(fc.constant(hs), fc.shuffledSubarray(hs, { minLength: hs.length })))
    fc.assert(
      fc.property(inTwoOrders, method, pools, ([hs, shuffled], m, [totalFen, incentiveFen]) => {
        const first = computeDividend({ totalFen, incentiveFen, method: m, households: hs })
        const second = computeDividend({ totalFen, incentiveFen, method: m, households: shuffled })
        expect(second).toEqual(first)
      }),
    )
  })
})
