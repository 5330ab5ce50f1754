import fc from 'fast-check'
import { describeMethod, incentiveWeight, INCENTIVE_PRESETS, methodLabel, tierProblem, type IncentiveMethod } from './incentive-methods'

const tilted = INCENTIVE_PRESETS.find((p) => p.id === 'tilted')!.method
const threshold = INCENTIVE_PRESETS.find((p) => p.id === 'threshold')!.method

describe('incentive methods', () => {
  it('When the ready-made methods are checked, then every tier table is valid', () => {
    for (const preset of INCENTIVE_PRESETS) if (preset.method.kind === 'tiered') expect(tierProblem(preset.method.tiers)).toBeNull()
  })

  it.each([
    [[], '至少要有一个积分档'],
    [[{ fromPoints: 0, percent: 100 }], '起点'],
    [[{ fromPoints: 10, percent: 100 }, { fromPoints: 10, percent: 120 }], '从低到高'],
    [[{ fromPoints: 1, percent: 150 }, { fromPoints: 80, percent: 100 }], '比例不能越低'],
    [[{ fromPoints: 1, percent: 0 }], '大于 0'],
  ])('When the tiers are %j, then the problem is named (%s)', (tiers, words) => {
    expect(tierProblem(tiers)).toContain(words)
  })

  it('When points are zero or negative, then no method gives them any weight', () => {
    for (const preset of INCENTIVE_PRESETS) {
      expect(incentiveWeight(preset.method, 0)).toBe(0)
      expect(incentiveWeight(preset.method, -15)).toBe(0)
    }
  })

  it('When a household is below the 60-point line of the threshold method, then it has no weight; at 60 it has 60 份', () => {
    expect(incentiveWeight(threshold, 59)).toBe(0)
    expect(incentiveWeight(threshold, 60)).toBe(6_000)
  })

  it('When points rise, then the weight never falls, for every ready-made method', () => {
    fc.assert(
      fc.property(fc.constantFrom(...INCENTIVE_PRESETS.map((p) => p.method)), fc.integer({ min: -100, max: 5_000 }), fc.nat({ max: 500 }), (method, points, more) => {
        expect(incentiveWeight(method, points + more)).toBeGreaterThanOrEqual(incentiveWeight(method, points))
      }),
    )
  })

  it('When the tilted method is described, then each tier is said in words with its factor', () => {
    const text = describeMethod(tilted).join('\n')
    expect(text).toContain('全年积分1–79分的农户：每1分算1份')
    expect(text).toContain('全年积分80–89分的农户：每1分算1.2份')
    expect(text).toContain('全年积分90分及以上的农户：每1分算1.5份')
    expect(text).toContain('0分或负分的农户不参加积分激励')
  })

  it('When the threshold method is described, then it says who takes no part', () => {
    expect(describeMethod(threshold)).toContain('· 全年积分1–59分的农户：不参加积分激励。')
    expect(methodLabel(threshold)).toBe('达到60分才参加分配')
  })

  it('When each method is named, then the names differ', () => {
    const methods: IncentiveMethod[] = [{ kind: 'proportional' }, tilted, threshold]
    expect(new Set(methods.map(methodLabel)).size).toBe(3)
  })
})
