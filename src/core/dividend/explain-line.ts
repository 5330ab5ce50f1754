import { formatYuan } from '../money'
import { percentAsFactor, tierFor, tierRange, WEIGHT_PER_SHARE_UNIT, type IncentiveMethod } from './incentive-methods'

/** What a household's explanation needs to know about the run it belongs to. */
export type RunFigures = {
  basicFen: number
  incentiveFen: number
  totalShares: number
  totalWeight: number
  method: IncentiveMethod
}

export type LineFigures = { shares: number; points: number; weight: number; basicFen: number; incentiveFen: number; totalFen: number }

/**
 * One household's dividend in plain words, one sentence per part:
 * shares × rate, then the points incentive, then the sum. Rates are shown to 4 decimals as
 * "约"; the amounts are the exact fen of the line.
 */
export function explainLine(run: RunFigures, line: LineFigures): { basic: string; incentive: string; total: string } {
  return {
    basic: explainBasic(run, line),
    incentive: explainIncentive(run, line),
    total: `合计：股份分红 ${formatYuan(line.basicFen)} 元 + 积分激励 ${formatYuan(line.incentiveFen)} 元 = ${formatYuan(line.totalFen)} 元。`,
  }
}

function explainBasic(run: RunFigures, line: LineFigures): string {
  if (line.shares === 0) return '股份分红：您家没有登记股份，股份分红 0.00 元。'
  const perShare = rate(run.basicFen, run.totalShares)
  return (
    `股份分红：全村股份分红 ${formatYuan(run.basicFen)} 元，按全村 ${run.totalShares} 股平分，每股约 ${perShare} 元；` +
    `您家 ${line.shares} 股 × ${perShare} 元 ≈ ${formatYuan(line.basicFen)} 元。`
  )
}

function explainIncentive(run: RunFigures, line: LineFigures): string {
  if (line.points <= 0) return `积分激励：您家全年积分 ${line.points} 分，为0分或负分，不参加积分激励，积分激励 0.00 元。`
  if (line.weight === 0) {
    const first = run.method.kind === 'tiered' ? run.method.tiers.find((t) => t.percent > 0) : undefined
    const reason = first ? `不到${first.fromPoints}分` : '未达到分配条件'
    return `积分激励：您家全年积分 ${line.points} 分，${reason}，不参加积分激励，积分激励 0.00 元。`
  }
  const pool = `全村积分激励 ${formatYuan(run.incentiveFen)} 元`
  if (run.method.kind === 'proportional') {
    const perPoint = rate(run.incentiveFen * WEIGHT_PER_SHARE_UNIT, run.totalWeight)
    const allPoints = run.totalWeight / WEIGHT_PER_SHARE_UNIT
    return (
      `积分激励：${pool}，按全村参加分配的 ${allPoints} 分分配，每分约 ${perPoint} 元；` +
      `您家全年积分 ${line.points} 分 × ${perPoint} 元 ≈ ${formatYuan(line.incentiveFen)} 元。`
    )
  }
  const tiers = run.method.tiers
  const tier = tierFor(tiers, line.points)!
  const range = tierRange(tiers, tiers.indexOf(tier))
  const units = hundredths(line.weight)
  const perUnit = rate(run.incentiveFen * WEIGHT_PER_SHARE_UNIT, run.totalWeight)
  return (
    `积分激励：您家全年积分 ${line.points} 分，在“${range}”档，每1分算 ${percentAsFactor(tier.percent)} 份，共 ${units} 份；` +
    `${pool}，按全村 ${hundredths(run.totalWeight)} 份分配，每份约 ${perUnit} 元；` +
    `${units} 份 × ${perUnit} 元 ≈ ${formatYuan(line.incentiveFen)} 元。`
  )
}

/** fen ÷ count, in yuan to 4 decimals (display only). */
function rate(fen: number, count: number): string {
  return (fen / count / 100).toFixed(4)
}

/** A weight in hundredths shown as a number of 份: 10200 → "102", 10250 → "102.5". */
function hundredths(weight: number): string {
  return percentAsFactor(weight)
}
