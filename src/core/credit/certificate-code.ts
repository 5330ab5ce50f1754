import { CROCKFORD_BASE32 } from '../codes/alphabet'
import { isBase64UrlText } from '../codes/base64url'
import { CHECKED_CODE } from '../codes/checked-code'
import { formatShortCode, newShortCode, readShortCode } from '../codes/short-code'

/**
 * A certificate's code, which a bank officer may type: the checked 10-character code of
 * codes/checked-code.ts (Crockford's base32, 9 random and 1 check character), "7KQ2M-XD4PA".
 */
export const CODE_ALPHABET = CROCKFORD_BASE32
export const CODE_LENGTH = CHECKED_CODE.length

/** A fresh code from random bytes (`random(n)` gives n bytes; node:crypto on the server). */
export function newCertificateCode(random: (count: number) => Uint8Array): string {
  return newShortCode(CHECKED_CODE, random)
}

/**
 * What a person typed, as a code: upper case, dashes and spaces dropped, and the letters Crockford
 * reads as digits (O → 0, I and L → 1) mapped; null when it cannot be a code or its check fails.
 */
export function readCertificateCode(typed: string): string | null {
  return readShortCode(CHECKED_CODE, typed)
}

/** "7KQ2MXD4PA" → "7KQ2M-XD4PA", as the villager's screen and the officer's page show it. */
export function formatCertificateCode(code: string): string {
  return formatShortCode(CHECKED_CODE, code)
}

/**
 * The certificate's QR: "SZD1.<code>.<signature>". Scanning it hands over the signature too, so a
 * code or a signature altered by one character is refused by the server's check.
 */
const QR_PREFIX = 'SZD1'

export function certificateQrText(code: string, signature: string): string {
  return `${QR_PREFIX}.${code}.${signature}`
}

/** A scanned or typed text: the code, and the signature when it came from the QR; null when it is neither. */
export function readCertificateScan(text: string): { code: string; signature: string | null } | null {
  const trimmed = text.trim()
  const parts = trimmed.split('.')
  if (parts.length === 3 && parts[0] === QR_PREFIX) {
    const code = readCertificateCode(parts[1])
    return code && code === parts[1] && isBase64UrlText(parts[2]) ? { code, signature: parts[2] } : null
  }
  const code = readCertificateCode(trimmed)
  return code ? { code, signature: null } : null
}
