import { readSignedPayload, signPayload, type Signer } from '../codes/signed-payload'

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

/** The card key: HMAC-SHA256 in the cloud (server/services/card/card-key.ts). */
export type TokenSigner = Signer

export type TokenReading = { ok: true; claims: CardClaims } | { ok: false; code: 'TOKEN_INVALID' | 'TOKEN_EXPIRED' }

/** The wire form keeps the QR small: short keys. */
type WireClaims = { h: string; j: string; i: number; e: number }

export function newCardClaims(householdId: string, jti: string, now: number): CardClaims {
  return { householdId, jti, issuedAt: now, expiresAt: now + CARD_TOKEN_LIFETIME_MS }
}

export function encodeCardToken(claims: CardClaims, signer: TokenSigner): string {
  const wire: WireClaims = { h: claims.householdId, j: claims.jti, i: claims.issuedAt, e: claims.expiresAt }
  return signPayload(wire, signer)
}

/**
 * Reads a token: its signature first (a token of another key, or any edit, is TOKEN_INVALID), then
 * its lifetime (TOKEN_EXPIRED once `now` reaches expiresAt). Whether it was used is the store's
 * business: that check and the use are one insert.
 */
export function readCardToken(token: string, signer: TokenSigner, now: number): TokenReading {
  const signed = readSignedPayload(token, signer)
  const claims = signed && parseClaims(signed.value)
  if (!claims) return { ok: false, code: 'TOKEN_INVALID' }
  if (now >= claims.expiresAt) return { ok: false, code: 'TOKEN_EXPIRED' }
  return { ok: true, claims }
}

function parseClaims(value: unknown): CardClaims | null {
  if (typeof value !== 'object' || value === null) return null
  const wire = value as Partial<WireClaims>
  const { h, j, i, e } = wire
  if (typeof h !== 'string' || h.length === 0 || typeof j !== 'string' || j.length === 0) return null
  if (!Number.isSafeInteger(i) || !Number.isSafeInteger(e)) return null
  if (e! <= i! || e! - i! > CARD_TOKEN_LIFETIME_MS) return null
  return { householdId: h, jti: j, issuedAt: i!, expiresAt: e! }
}
