import { UNAMBIGUOUS_ALPHABET } from '../codes/alphabet'
import { formatShortCode, isShortCode, newShortCode, normaliseShortCode, type ShortCodeSpec } from '../codes/short-code'

/**
 * One-time invite codes that bind a villager's WeChat to a household. Eight characters from an
 * alphabet without the look-alikes 0/O, 1/I/L, so a code read aloud or copied from a phone
 * screen is typed right the first time.
 */
export const INVITE_ALPHABET = UNAMBIGUOUS_ALPHABET
export const INVITE_CODE_LENGTH = 8
/** How long a code stays valid after it is issued. */
export const INVITE_VALID_DAYS = 7
/** Failed binds an openid may make within an hour before it is refused: stops guessing codes. */
export const BIND_FAILURES_PER_HOUR = 5

const INVITE_CODE: ShortCodeSpec = {
  alphabet: INVITE_ALPHABET,
  length: INVITE_CODE_LENGTH,
  groups: [4, 4],
  separator: ' ',
  spacers: /[\s\-_]/g,
  foldWidth: true,
}

/**
 * A fresh code from a source of random bytes. Bytes ≥ 248 (the largest multiple of the
 * alphabet's 31 letters below 256) are thrown away, so every letter is equally likely.
 */
export function inviteCodeFrom(randomBytes: (count: number) => Uint8Array): string {
  return newShortCode(INVITE_CODE, randomBytes)
}

/** What a villager typed, made comparable: full-width to half-width, upper case, no spaces or dashes. */
export function normaliseInviteCode(typed: string): string {
  return normaliseShortCode(INVITE_CODE, typed)
}

/** True when the text has the shape of a code (it may still be wrong). */
export function looksLikeInviteCode(code: string): boolean {
  return isShortCode(INVITE_CODE, code)
}

/** "ABCD EFGH": easier to read out and copy than eight letters in a row. */
export function formatInviteCode(code: string): string {
  return formatShortCode(INVITE_CODE, code)
}

/** The last 2 characters, kept so cadres can tell codes apart. */
export function inviteCodeTail(code: string): string {
  return code.slice(-2)
}
