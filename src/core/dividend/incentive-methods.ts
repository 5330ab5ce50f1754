/**
 * How the points incentive (积分激励) is shared out, as data the cooperative can read and change:
 * - proportional: in proportion to each household's year's points;
 * - tiered: tilted toward high-point households (向高分农户倾斜): a household's points count with
 *   the percentage of the tier its year's total falls in; a tier at 0% is a threshold below which
 *   a household gets no incentive.
 * Households with zero or negative points never take part.
 */
export type IncentiveTier = {
  /** The tier holds year's totals from this many points up to the next tier's start. */
  fromPoints: number
  /** How much each point counts in this tier, in percent: 100 = one point counts once, 150 = 1.5 times. */
  percent: number
}

export type IncentiveMethod = { kind: 'proportional' } | { kind: 'tiered'; tiers: IncentiveTier[] }

/** The unit every method's weight is counted in: a weight of 100 is one point counted once (一份). */
export const WEIGHT_PER_SHARE_UNIT = 100

export const MAX_TIERS = 10
export const MAX_TIER_PERCENT = 1000

/** The methods the app offers ready-made; a cooperative may also send tiers of its own. */
export const INCENTIVE_PRESETS: readonly { id: string; label: string; method: IncentiveMethod }[] = [
  { id: 'proportional', label: '按积分多少分配', method: { kind: 'proportional' } },
  {
    id: 'tilted',
    label: '分档加权，向高分户倾斜',
    method: {
      kind: 'tiered',
      tiers: [
        { fromPoints: 1, percent: 100 },
        { fromPoints: 80, percent: 120 },
        { fromPoints: 90, percent: 150 },
      ],
    },
  },
  {
    id: 'threshold',
    label: '达到60分才参加分配',
    method: {
      kind: 'tiered',
      tiers: [
        { fromPoints: 1, percent: 0 },
        { fromPoints: 60, percent: 100 },
      ],
    },
  },
]

/**
 * What is wrong with a tier table, in plain Chinese, or null when it is usable. The rules keep
 * "more points never means less incentive": tiers start at 1 point or more and rise, and a higher
 * tier never counts a point for less than a lower one.
 */
export function tierProblem(tiers: readonly IncentiveTier[]): string | null {
  if (tiers.length === 0) return '至少要有一个积分档'
  if (tiers.length > MAX_TIERS) return `积分档最多 ${MAX_TIERS} 个`
  for (const [i, tier] of tiers.entries()) {
    if (!Number.isSafeInteger(tier.fromPoints) || tier.fromPoints < 1) return '每一档的起点要是 1 分或以上的整数'
    if (!Number.isSafeInteger(tier.percent) || tier.percent < 0 || tier.percent > MAX_TIER_PERCENT) {
      return `每一档的比例要在 0 到 ${MAX_TIER_PERCENT}% 之间`
    }
    const previous = tiers[i - 1]
    if (previous && tier.fromPoints <= previous.fromPoints) return '积分档的起点要从低到高排列，不能重复'
    if (previous && tier.percent < previous.percent) return '积分越高的档，比例不能越低'
  }
  if (tiers.every((t) => t.percent === 0)) return '至少要有一档的比例大于 0'
  return null
}

/**
 * A household's weight in the incentive, in hundredths of a point counted once (so tier
 * percentages stay whole numbers). Zero for zero or negative points and below the first tier.
 * For a valid method it never falls as points rise.
 */
export function incentiveWeight(method: IncentiveMethod, points: number): number {
  if (points <= 0) return 0
  if (method.kind === 'proportional') return points * WEIGHT_PER_SHARE_UNIT
  const tier = tierFor(method.tiers, points)
  return tier ? points * tier.percent : 0
}

/** The tier a year's total falls in, or null below the first tier. */
export function tierFor(tiers: readonly IncentiveTier[], points: number): IncentiveTier | null {
  let found: IncentiveTier | null = null
  for (const tier of tiers) if (points >= tier.fromPoints) found = tier
  return found
}

/** "1.2" for 120%, "1" for 100%, "0.05" for 5%. */
export function percentAsFactor(percent: number): string {
  const whole = Math.floor(percent / 100)
  const rest = String(percent % 100).padStart(2, '0').replace(/0+$/, '')
  return rest ? `${whole}.${rest}` : String(whole)
}

/** A tier's range in words: "80–89分", "90分及以上". */
export function tierRange(tiers: readonly IncentiveTier[], index: number): string {
  const tier = tiers[index]
  const next = tiers[index + 1]
  if (!next) return `${tier.fromPoints}分及以上`
  const last = next.fromPoints - 1
  return last === tier.fromPoints ? `${tier.fromPoints}分` : `${tier.fromPoints}–${last}分`
}

/** The method's short name. */
export function methodLabel(method: IncentiveMethod): string {
  if (method.kind === 'proportional') return '按积分多少分配'
  const counted = method.tiers.filter((t) => t.percent > 0)
  const flat = counted.every((t) => t.percent === counted[0]?.percent)
  if (!flat || !counted[0]) return '分档加权，向高分户倾斜'
  return counted[0].fromPoints > 1 ? `达到${counted[0].fromPoints}分才参加分配` : '按积分多少分配'
}

/** The rules of the method in plain words, as the app shows them to every household. */
export function describeMethod(method: IncentiveMethod): string[] {
  const lines: string[] = []
  if (method.kind === 'proportional') {
    lines.push('积分激励按各户全年善治积分的多少分配：积分越多，分得越多。')
    lines.push('每户积分激励 = 积分激励总额 × 本户全年积分 ÷ 全村参加分配的积分总数。')
  } else {
    lines.push('积分激励向高分农户倾斜，按全年积分所在的档次加权分配：')
    method.tiers.forEach((tier, i) => {
      const range = `全年积分${tierRange(method.tiers, i)}的农户`
      lines.push(tier.percent === 0 ? `· ${range}：不参加积分激励。` : `· ${range}：每1分算${percentAsFactor(tier.percent)}份。`)
    })
    const first = method.tiers[0]
    if (first.fromPoints > 1) lines.push(`· 全年积分不到${first.fromPoints}分的农户：不参加积分激励。`)
    lines.push('每户积分激励 = 积分激励总额 × 本户份数 ÷ 全村份数总和。')
  }
  lines.push('全年积分为0分或负分的农户不参加积分激励；负分只影响积分激励，不会扣减股份分红。')
  lines.push('全年积分 = 当年（北京时间1月1日至12月31日）评分加分、扣分、更正和整改返还的合计，不含往年结转和积分兑换。')
  lines.push('所有金额按“分”计算；除不尽的零头，按余数从大到小每户补1分钱，各户相加正好等于总额。')
  return lines
}
