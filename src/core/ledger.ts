/**
 * Kinds of ledger entry. Every movement of a household's points is one of these; a correction is
 * a new entry of a reversing kind that names the entry it reverses.
 */
export const LEDGER_KINDS = [
  'opening',
  'carried',
  'score',
  'score_reversal',
  'restoration',
  'redemption',
  'redemption_reversal',
] as const
export type LedgerKind = (typeof LEDGER_KINDS)[number]

export const LEDGER_KIND_LABELS: Record<LedgerKind, string> = {
  opening: '期初积分',
  carried: '纸质台账积分',
  score: '评分',
  score_reversal: '更正冲销',
  restoration: '整改后返还',
  redemption: '积分兑换',
  redemption_reversal: '兑换撤销',
}

/**
 * The kinds that make up a year's earned points (what the dividend's points incentive is paid on):
 * scores, points scored on paper before the village moved in (`carried`, dated when they were
 * earned), their corrections, and points given back after rectification. Carried-over opening
 * balances and spending at the shop do not change what a household earned that year.
 */
export const EARNED_POINT_KINDS: readonly LedgerKind[] = ['score', 'carried', 'score_reversal', 'restoration']

/** The earned kinds whose points count as given (positive) or deducted (negative) in the kept totals by rule. */
export const SCORED_KINDS: readonly LedgerKind[] = ['score', 'carried']

/** A ledger entry moves a whole, non-zero number of points. */
export function isValidPointMovement(points: number): boolean {
  return Number.isSafeInteger(points) && points !== 0
}
