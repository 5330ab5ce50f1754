import { CROCKFORD_BASE32, CROCKFORD_LOOK_ALIKES } from './alphabet'
import { weightedCheck } from './check-character'
import type { ShortCodeSpec } from './short-code'

/**
 * A checked code a person types from paper or a screen: 10 characters of Crockford's base32 (no I, L,
 * O or U), 9 random and 1 check character, a weighted sum mod 32 with odd weights, so any single
 * mistyped character is caught before any lookup. Shown in two halves, "7KQ2M-XD4PA"; typed in any
 * case, with or without the dash or spaces, O read as 0 and I, L as 1.
 */
export const CHECKED_CODE: ShortCodeSpec = {
  alphabet: CROCKFORD_BASE32,
  length: 10,
  check: weightedCheck(CROCKFORD_BASE32),
  groups: [5, 5],
  separator: '-',
  spacers: /[\s-]/g,
  lookAlikes: CROCKFORD_LOOK_ALIKES,
}
