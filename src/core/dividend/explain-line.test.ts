import { computeDividend } from './dividend-run'
import { explainLine } from './explain-line'
import { INCENTIVE_PRESETS, type IncentiveMethod } from './incentive-methods'

function explained(method: IncentiveMethod, id: string) {
  const result = computeDividend({
    totalFen: 120_000,
    incentiveFen: 20_000,
    method,
    households: [
      { householdId: 'a', shares: 5, points: 85 },
      { householdId: 'b', shares: 3, points: 60 },
      { householdId: 'c', shares: 2, points: -4 },
    ],
  })
  if (!result.ok) throw new Error(result.problem)
  return explainLine(result.run, result.run.lines.find((l) => l.householdId === id)!)
}

describe('a household line in words', () => {
  it('When shares are paid, then the sentence shows shares × rate and the exact amount', () => {
    // 100,000 fen over 10 shares: 100.0000 元 a share; 5 shares → 500.00 元.
    expect(explained({ kind: 'proportional' }, 'a').basic).toBe(
      '股份分红：全村股份分红 1,000.00 元，按全村 10 股平分，每股约 100.0000 元；您家 5 股 × 100.0000 元 ≈ 500.00 元。',
    )
  })

  it('When the incentive is proportional, then the sentence shows points × per-point rate', () => {
    // 20,000 fen over 145 points: 1.3793 元 a point; 85 points → 117.24 元.
    expect(explained({ kind: 'proportional' }, 'a').incentive).toBe(
      '积分激励：全村积分激励 200.00 元，按全村参加分配的 145 分分配，每分约 1.3793 元；您家全年积分 85 分 × 1.3793 元 ≈ 117.24 元。',
    )
  })

  it('When the incentive is tiered, then the sentence names the tier, the 份 and the rate per 份', () => {
    const tilted = INCENTIVE_PRESETS.find((p) => p.id === 'tilted')!.method
    expect(explained(tilted, 'a').incentive).toContain('您家全年积分 85 分，在“80–89分”档，每1分算 1.2 份，共 102 份')
  })

  it('When points are negative, then the sentence says no incentive and why', () => {
    expect(explained({ kind: 'proportional' }, 'c').incentive).toBe(
      '积分激励：您家全年积分 -4 分，为0分或负分，不参加积分激励，积分激励 0.00 元。',
    )
  })

  it('When the parts are added, then the total sentence is shares dividend + incentive = total', () => {
    expect(explained({ kind: 'proportional' }, 'a').total).toBe('合计：股份分红 500.00 元 + 积分激励 117.24 元 = 617.24 元。')
  })
})
