/** base64url (RFC 4648 §5, no padding) of UTF-8 text, without Node or browser globals. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const INDEX = new Map([...ALPHABET].map((c, i) => [c, i]))

export function encodeBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text)
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6))
    for (let k = 0; k < chars; k++) out += ALPHABET[(n >> (18 - 6 * k)) & 63]
  }
  return out
}

/** The text a base64url string carries, or null when it is not base64url of valid UTF-8. */
export function decodeBase64Url(encoded: string): string | null {
  if (encoded.length % 4 === 1) return null
  const bytes: number[] = []
  for (let i = 0; i < encoded.length; i += 4) {
    const group = encoded.slice(i, i + 4)
    let n = 0
    for (let k = 0; k < 4; k++) {
      const value = k < group.length ? INDEX.get(group[k]) : 0
      if (value === undefined) return null
      n = (n << 6) | value
    }
    const byteCount = group.length - 1
    for (let k = 0; k < byteCount; k++) bytes.push((n >> (16 - 8 * k)) & 255)
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes))
    // Only the canonical encoding is accepted, so one payload has exactly one spelling.
    return encodeBase64Url(text) === encoded ? text : null
  } catch {
    return null
  }
}

/** True when the text is made only of base64url characters (it may still not decode). */
export function isBase64UrlText(text: string): boolean {
  return /^[A-Za-z0-9_-]+$/.test(text)
}
