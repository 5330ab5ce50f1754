/**
 * Money is whole fen (分) everywhere; yuan appear only when shown. 123456 → "1,234.56".
 * Built from the integer digits, never through a float division.
 */
export function formatYuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`fen must be a whole number: ${fen}`)
  const sign = fen < 0 ? '-' : ''
  const digits = String(Math.abs(fen)).padStart(3, '0')
  const yuan = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${sign}${yuan}.${digits.slice(-2)}`
}

/** Whole yuan typed by a person ("56160", "56160.5", "1,234.56") → fen; null when it is not an amount. */
export function parseYuan(text: string): number | null {
  const match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/[,，]/g, ''))
  if (!match) return null
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
}
