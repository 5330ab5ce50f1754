import { formatYuan, parseYuan } from '../money'

/**
 * A bank's 善治贷 terms as data: from a number of points up, a rate discount in basis points (whole
 * numbers: 10 bp = 0.1 个百分点) and a credit line in fen. A bank publishes versions, each from a day
 * on; versions are never edited. Terms are shown beside a certificate and never change one.
 */
export type TermsBand = { minPoints: number; discountBp: number; creditLineFen: number }

/** Which of the certificate's figures the bands read. */
export const TERMS_BASES = ['lastYear', 'thisYear'] as const
export type TermsBasis = (typeof TERMS_BASES)[number]
export const TERMS_BASIS_LABELS: Record<TermsBasis, string> = { lastYear: '上一年积分', thisYear: '本年积分' }

/** Why bands cannot be published, in plain words, or null: rising points, no band above the next one. */
export function bandsProblem(bands: readonly TermsBand[]): string | null {
  if (bands.length === 0) return '请至少填一档'
  for (let i = 1; i < bands.length; i++) {
    const [lower, upper] = [bands[i - 1], bands[i]]
    if (upper.minPoints <= lower.minPoints) return `第 ${i + 1} 档的起点积分要高于第 ${i} 档`
    if (upper.discountBp < lower.discountBp || upper.creditLineFen < lower.creditLineFen) {
      return `第 ${i + 1} 档的优惠和额度不能低于第 ${i} 档`
    }
  }
  return null
}

/** The band a number of points reaches (the highest whose start it meets), or null below the first. */
export function bandFor(bands: readonly TermsBand[], points: number): TermsBand | null {
  let reached: TermsBand | null = null
  for (const band of bands) if (points >= band.minPoints) reached = band
  return reached
}

/** 30 → "0.3", 5 → "0.05", 100 → "1": basis points as percentage points, from the integer digits. */
export function formatPercentagePoints(bp: number): string {
  if (!Number.isSafeInteger(bp) || bp < 0) throw new RangeError(`basis points must be a whole number: ${bp}`)
  const whole = Math.floor(bp / 100)
  const fraction = String(bp % 100).padStart(2, '0').replace(/0+$/, '')
  return fraction ? `${whole}.${fraction}` : String(whole)
}

/** "按本行现行规则，您家可享受利率优惠 0.3 个百分点，授信额度最高 50,000.00 元" or why not. */
export function termsSentence(bands: readonly TermsBand[], points: number, basis: TermsBasis): string {
  const band = bandFor(bands, points)
  if (!band) return `按本行现行规则，${TERMS_BASIS_LABELS[basis]}满 ${bands[0].minPoints} 分起享受优惠，您家现在是 ${points} 分`
  const line = band.creditLineFen > 0 ? `，授信额度最高 ${formatYuan(band.creditLineFen)} 元` : ''
  return `按本行现行规则，您家可享受利率优惠 ${formatPercentagePoints(band.discountBp)} 个百分点${line}`
}

/** "0.15" (个百分点, as a bank officer types it) → 15 bp; null when it is not such a number. Hundredths, as fen are of yuan. */
export function parsePercentagePoints(text: string): number | null {
  return parseYuan(text)
}
