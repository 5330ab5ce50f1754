import { apportion, compareIds } from './apportion'
import { incentiveWeight, type IncentiveMethod } from './incentive-methods'

/** A household as the run sees it: its shares and its year's earned points. */
export type DividendHousehold = { householdId: string; shares: number; points: number }

/** One household's dividend, in whole fen. */
export type DividendLine = {
  householdId: string
  shares: number
  points: number
  basicFen: number
  incentiveFen: number
  totalFen: number
}

/** A computed run: both pools, what they were shared by, and every household's line (by household id). */
export type DividendComputation = {
  totalFen: number
  basicFen: number
  incentiveFen: number
  method: IncentiveMethod
  /** All shares of the households in the run: the basic pool is shared by these. */
  totalShares: number
  /** The sum of the households' incentive weights (hundredths of a point counted once). */
  totalWeight: number
  lines: (DividendLine & { weight: number })[]
}

export type DividendPlan = {
  totalFen: number
  incentiveFen: number
  method: IncentiveMethod
  households: readonly DividendHousehold[]
}

export type Planned = { ok: true; run: DividendComputation } | { ok: false; problem: string }

/**
 * The year's dividend: the basic pool (total − incentive) apportioned by shares, the incentive
 * pool by the method's weights over the year's points, each to the fen by largest remainder.
 * Same households in any order → the same lines, in household-id order.
 */
export function computeDividend(plan: DividendPlan): Planned {
  const { totalFen, incentiveFen, method } = plan
  if (!Number.isSafeInteger(totalFen) || totalFen <= 0) return { ok: false, problem: '分红总额要大于0' }
  if (!Number.isSafeInteger(incentiveFen) || incentiveFen < 0 || incentiveFen > totalFen) {
    return { ok: false, problem: '积分激励不能是负数，也不能超过分红总额' }
  }
  const households = [...plan.households].sort((a, b) => compareIds(a.householdId, b.householdId))
  const basicFen = totalFen - incentiveFen
  const weights = households.map((h) => ({ id: h.householdId, weight: incentiveWeight(method, h.points) }))
  const totalShares = households.reduce((sum, h) => sum + h.shares, 0)
  const totalWeight = weights.reduce((sum, w) => sum + w.weight, 0)
  if (basicFen > 0 && totalShares === 0) return { ok: false, problem: '这个村没有持股的农户，无法分配股份分红' }
  if (incentiveFen > 0 && totalWeight === 0) {
    return { ok: false, problem: '今年没有农户的积分达到分配条件，积分激励无法分配；请把积分激励设为0或换一种分配办法' }
  }
  const basic = apportion(basicFen, households.map((h) => ({ id: h.householdId, weight: h.shares })))
  const incentive = apportion(incentiveFen, weights)
  const lines = households.map((h, i) => {
    const basicPart = basic.get(h.householdId)!
    const incentivePart = incentive.get(h.householdId)!
    return {
      householdId: h.householdId,
      shares: h.shares,
      points: h.points,
      weight: weights[i].weight,
      basicFen: basicPart,
      incentiveFen: incentivePart,
      totalFen: basicPart + incentivePart,
    }
  })
  return { ok: true, run: { totalFen, basicFen, incentiveFen, method, totalShares, totalWeight, lines } }
}

/**
 * The incentive pool from a ratio of the total, to the nearest fen (half a fen up):
 * 56,160,000 fen × 1/6 = 9,360,000 fen.
 */
export function incentiveFromRatio(totalFen: number, numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || numerator < 0 || denominator <= 0) {
    throw new RangeError(`bad ratio ${numerator}/${denominator}`)
  }
  const doubled = (2n * BigInt(totalFen) * BigInt(numerator)) / BigInt(denominator)
  return Number((doubled + 1n) / 2n)
}

/** "1/6", "0.1666…" (a decimal between 0 and 1) or "16.5%" → an exact fraction; null when unreadable or above 1. */
export function parseRatio(text: string): { numerator: number; denominator: number } | null {
  const trimmed = text.trim()
  const fraction = /^(\d{1,9})\s*\/\s*(\d{1,9})$/.exec(trimmed)
  if (fraction) {
    const [numerator, denominator] = [Number(fraction[1]), Number(fraction[2])]
    return denominator > 0 && numerator <= denominator ? { numerator, denominator } : null
  }
  const decimal = /^(\d{1,3})(?:\.(\d{1,8}))?(%?)$/.exec(trimmed)
  if (!decimal) return null
  const decimals = decimal[2] ?? ''
  const numerator = Number(decimal[1] + decimals)
  const denominator = 10 ** decimals.length * (decimal[3] ? 100 : 1)
  return numerator <= denominator ? { numerator, denominator } : null
}
