import type { CheckCharacter } from './check-character'

/**
 * A short code a person reads aloud, copies from a screen or types: a fixed number of characters
 * from an alphabet without look-alikes, perhaps a check character last, shown in groups. One spec
 * says all of that; the functions below make, read and show any code by its spec.
 */
export type ShortCodeSpec = {
  alphabet: string
  /** All characters, the check character included. */
  length: number
  /** The last character is made from the others. */
  check?: CheckCharacter
  /** Group sizes when shown (the last group takes the rest), and what stands between groups. */
  groups: readonly number[]
  separator: string
  /** What a person may type between characters and is dropped when read (a global pattern). */
  spacers: RegExp
  /** Full-width characters (a Chinese keyboard) read as their half-width forms. */
  foldWidth?: boolean
  /** Characters typed for others that look the same (Crockford reads O as 0, I and L as 1). */
  lookAlikes?: Readonly<Record<string, string>>
}

/** The shown form: "ABCDEFGH" in groups of 4 → "ABCD EFGH". */
export function formatShortCode(spec: ShortCodeSpec, code: string): string {
  const parts: string[] = []
  let at = 0
  for (const size of spec.groups) {
    if (at >= code.length) break
    parts.push(code.slice(at, at + size))
    at += size
  }
  if (at < code.length) parts.push(code.slice(at))
  return parts.join(spec.separator)
}

/** What a person typed, made comparable: widths folded, upper case, spacers dropped, look-alikes mapped. */
export function normaliseShortCode(spec: ShortCodeSpec, typed: string): string {
  let text = (spec.foldWidth ? typed.normalize('NFKC') : typed).toUpperCase().replace(spec.spacers, '')
  for (const [typedAs, meant] of Object.entries(spec.lookAlikes ?? {})) text = text.split(typedAs).join(meant)
  return text
}

/** True when the code has the spec's length and alphabet and its check character holds. */
export function isShortCode(spec: ShortCodeSpec, code: string): boolean {
  if (code.length !== spec.length || [...code].some((c) => !spec.alphabet.includes(c))) return false
  return !spec.check || spec.check(code.slice(0, -1)) === code[code.length - 1]
}

/** The code a person typed, or null when it cannot be one (or its check fails). */
export function readShortCode(spec: ShortCodeSpec, typed: string): string | null {
  const code = normaliseShortCode(spec, typed)
  return isShortCode(spec, code) ? code : null
}

/**
 * A fresh code from a source of random bytes (node:crypto on the server; the core has no randomness).
 * Bytes at or above the largest multiple of the alphabet's size below 256 are thrown away, so every
 * character is equally likely; with 32 characters none is.
 */
export function newShortCode(spec: ShortCodeSpec, randomBytes: (count: number) => Uint8Array): string {
  const size = spec.alphabet.length
  const limit = 256 - (256 % size)
  const bodyLength = spec.check ? spec.length - 1 : spec.length
  let body = ''
  while (body.length < bodyLength) {
    for (const byte of randomBytes(bodyLength - body.length)) {
      if (byte < limit && body.length < bodyLength) body += spec.alphabet[byte % size]
    }
  }
  return spec.check ? body + spec.check(body) : body
}
