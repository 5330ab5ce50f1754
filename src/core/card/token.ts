import { decodeBase64Url, encodeBase64Url } from './base64url'

/**
 * The point card's QR token: `base64url(payload).signature`, where the payload names the household,
 * a random one-time id (jti) and the token's lifetime, and the signature is an HMAC made in the
 * cloud with a key the client never sees. The core fixes the format and the claims; the signing
 * itself is handed in (server/services/card-signer.ts uses node:crypto), so this file stays pure.
 */
export const CARD_TOKEN_LIFETIME_MS = 60_000

export type CardClaims = {
  householdId: string
  /** Random, unique per token: a token is accepted at most once (the used-token row is keyed by it). */
  jti: string
  /** Epoch milliseconds. */
  issuedAt: number
  expiresAt: number
}

export type TokenSigner = {
  /** A signature (base64url) of `data`. */
  sign(data: string): string
  /** True when `signature` is this key's signature of `data` (compared in constant time). */
  verify(data: string, signature: string): boolean
}

export type TokenReading = { ok: true; claims: CardClaims } | { ok: false; code: 'TOKEN_INVALID' | 'TOKEN_EXPIRED' }

/** The wire form keeps the QR small: short keys. */
type WireClaims = { h: string; j: string; i: number; e: number }

export function newCardClaims(householdId: string, jti: string, now: number): CardClaims {
  return { householdId, jti, issuedAt: now, expiresAt: now + CARD_TOKEN_LIFETIME_MS }
}

export function encodeCardToken(claims: CardClaims, signer: TokenSigner): string {
  const wire: WireClaims = { h: claims.householdId, j: claims.jti, i: claims.issuedAt, e: claims.expiresAt }
  const payload = encodeBase64Url(JSON.stringify(wire))
  return `${payload}.${signer.sign(payload)}`
}

/**
 * Reads a token: its signature first (a token of another key, or any edit, is TOKEN_INVALID), then
 * its lifetime (TOKEN_EXPIRED once `now` reaches expiresAt). Whether it was used is the store's
 * business: that check and the use are one insert.
 */
export function readCardToken(token: string, signer: TokenSigner, now: number): TokenReading {
  const parts = token.trim().split('.')
  if (parts.length !== 2 || parts[0].length === 0 || parts[1].length === 0) return { ok: false, code: 'TOKEN_INVALID' }
  const [payload, signature] = parts
  if (!signer.verify(payload, signature)) return { ok: false, code: 'TOKEN_INVALID' }
  const claims = parseClaims(decodeBase64Url(payload))
  if (!claims) return { ok: false, code: 'TOKEN_INVALID' }
  if (now >= claims.expiresAt) return { ok: false, code: 'TOKEN_EXPIRED' }
  return { ok: true, claims }
}

function parseClaims(json: string | null): CardClaims | null {
  if (json === null) return null
  let wire: Partial<WireClaims>
  try {
    wire = JSON.parse(json) as Partial<WireClaims>
  } catch {
    return null
  }
  if (typeof wire !== 'object' || wire === null) return null
  const { h, j, i, e } = wire
  if (typeof h !== 'string' || h.length === 0 || typeof j !== 'string' || j.length === 0) return null
  if (!Number.isSafeInteger(i) || !Number.isSafeInteger(e)) return null
  if (e! <= i! || e! - i! > CARD_TOKEN_LIFETIME_MS) return null
  return { householdId: h, jti: j, issuedAt: i!, expiresAt: e! }
}
