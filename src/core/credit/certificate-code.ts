/**
 * A certificate's code, which a bank officer may type: 10 characters of Crockford's base32 (no I, L,
 * O or U, so nothing reads as another character), 9 random and 1 check character. The check is a
 * weighted sum mod 32 with odd weights, so any single mistyped character is caught before any lookup.
 * Shown in two halves, "7KQ2M-XD4PA"; typed in any case, with or without the dash or spaces.
 */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
export const CODE_LENGTH = 10
const RANDOM_LENGTH = CODE_LENGTH - 1

function checkCharacter(body: string): string {
  let sum = 0
  for (let i = 0; i < body.length; i++) sum += (2 * i + 1) * CODE_ALPHABET.indexOf(body[i])
  return CODE_ALPHABET[sum % 32]
}

/** A fresh code from random bytes (`random(n)` gives n bytes; node:crypto on the server). */
export function newCertificateCode(random: (count: number) => Uint8Array): string {
  const bytes = random(RANDOM_LENGTH)
  const body = Array.from(bytes, (b) => CODE_ALPHABET[b & 31]).join('')
  return body + checkCharacter(body)
}

/**
 * What a person typed, as a code: upper case, dashes and spaces dropped, and the letters Crockford
 * reads as digits (O → 0, I and L → 1) mapped; null when it cannot be a code or its check fails.
 */
export function readCertificateCode(typed: string): string | null {
  const code = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
  if (code.length !== CODE_LENGTH || [...code].some((c) => !CODE_ALPHABET.includes(c))) return null
  return checkCharacter(code.slice(0, RANDOM_LENGTH)) === code[RANDOM_LENGTH] ? code : null
}

/** "7KQ2MXD4PA" → "7KQ2M-XD4PA", as the villager's screen and the officer's page show it. */
export function formatCertificateCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`
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
    return code && code === parts[1] && /^[A-Za-z0-9_-]+$/.test(parts[2]) ? { code, signature: parts[2] } : null
  }
  const code = readCertificateCode(trimmed)
  return code ? { code, signature: null } : null
}
