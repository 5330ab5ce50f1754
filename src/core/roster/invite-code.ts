/**
 * One-time invite codes that bind a villager's WeChat to a household. Eight characters from an
 * alphabet without the look-alikes 0/O, 1/I/L, so a code read aloud or copied from a phone
 * screen is typed right the first time.
 */
export const INVITE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const INVITE_CODE_LENGTH = 8
/** How long a code stays valid after it is issued. */
export const INVITE_VALID_DAYS = 7
/** Failed binds an openid may make within an hour before it is refused: stops guessing codes. */
export const BIND_FAILURES_PER_HOUR = 5

/**
 * A fresh code from a source of random bytes. Bytes ≥ 248 (the largest multiple of the
 * alphabet's 31 letters below 256) are thrown away, so every letter is equally likely.
 */
export function inviteCodeFrom(randomBytes: (count: number) => Uint8Array): string {
  const limit = 256 - (256 % INVITE_ALPHABET.length)
  let code = ''
  while (code.length < INVITE_CODE_LENGTH) {
    for (const byte of randomBytes(INVITE_CODE_LENGTH * 2)) {
      if (byte < limit && code.length < INVITE_CODE_LENGTH) code += INVITE_ALPHABET[byte % INVITE_ALPHABET.length]
    }
  }
  return code
}

/** What a villager typed, made comparable: full-width to half-width, upper case, no spaces or dashes. */
export function normaliseInviteCode(typed: string): string {
  return typed.normalize('NFKC').toUpperCase().replace(/[\s\-_]/g, '')
}

/** True when the text has the shape of a code (it may still be wrong). */
export function looksLikeInviteCode(code: string): boolean {
  return code.length === INVITE_CODE_LENGTH && [...code].every((c) => INVITE_ALPHABET.includes(c))
}

/** "ABCD EFGH": easier to read out and copy than eight letters in a row. */
export function formatInviteCode(code: string): string {
  return `${code.slice(0, 4)} ${code.slice(4)}`
}

/** The last 2 characters, kept so cadres can tell codes apart. */
export function inviteCodeTail(code: string): string {
  return code.slice(-2)
}
