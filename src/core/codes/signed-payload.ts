import { decodeBase64Url, encodeBase64Url } from './base64url'

/**
 * A key that signs text and checks signatures (HMAC-SHA256 or Ed25519 through node:crypto on the
 * server); the core fixes only what is signed and how it travels.
 */
export type Signer = {
  /** A signature (base64url) of `data`. */
  sign(data: string): string
  /** True when `signature` is this key's signature of `data` (compared in constant time). */
  verify(data: string, signature: string): boolean
}

/** `base64url(JSON).signature`: a JSON value that travels in a QR code and cannot be edited unseen. */
export function signPayload(value: unknown, signer: Signer): string {
  const payload = encodeBase64Url(JSON.stringify(value))
  return `${payload}.${signer.sign(payload)}`
}

/**
 * The JSON value a signed payload carries, or null when it is not one, its signature does not hold
 * (another key, or any edit), or the payload is not JSON. The signature is checked before anything is parsed.
 */
export function readSignedPayload(text: string, signer: Signer): { value: unknown } | null {
  const parts = text.trim().split('.')
  if (parts.length !== 2 || parts[0].length === 0 || parts[1].length === 0) return null
  const [payload, signature] = parts
  if (!signer.verify(payload, signature)) return null
  const json = decodeBase64Url(payload)
  if (json === null) return null
  try {
    return { value: JSON.parse(json) as unknown }
  } catch {
    return null
  }
}
