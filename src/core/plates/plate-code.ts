import { isBase64UrlText } from '../codes/base64url'
import { CHECKED_CODE } from '../codes/checked-code'
import { formatShortCode, newShortCode, readShortCode } from '../codes/short-code'
import { readSignedPayload, signPayload, type Signer } from '../codes/signed-payload'

/**
 * 门牌码: the code on a household's door plate. The plate's own code is random (the checked
 * 10-character code a person can type, printed under the QR); the QR carries it signed together with
 * the village, `base64url({"v":village,"c":code}).signature`, so the QR names no person and nothing
 * guessable, and a QR made by anyone without the key, or edited, is refused before any lookup. Which
 * household a code stands for, and whether it was replaced by a newer plate, is the store's.
 */
export type PlateClaims = { villageId: string; code: string }

/** The query parameter that carries the signed plate in the QR's link (and the plate page's path). */
export const PLATE_LINK_PARAM = 'p'

type WireClaims = { v: string; c: string }

/** The key that signs plates: HMAC-SHA256 in the cloud (server/services/account/plate-key.ts). */
export type PlateSigner = Signer

export function newPlateCode(random: (count: number) => Uint8Array): string {
  return newShortCode(CHECKED_CODE, random)
}

/** "7KQ2MXD4PA" → "7KQ2M-XD4PA", as the plate prints it. */
export function formatPlateCode(code: string): string {
  return formatShortCode(CHECKED_CODE, code)
}

export function signPlate(claims: PlateClaims, signer: PlateSigner): string {
  const wire: WireClaims = { v: claims.villageId, c: claims.code }
  return signPayload(wire, signer)
}

/**
 * The QR's text: a link (`base` is the address WeChat's 扫普通链接二维码打开小程序 maps to the plate
 * page, or the H5 app's plate page) with the signed plate as its `p` parameter. The signed text is
 * base64url and '.', so it needs no escaping.
 */
export function plateLink(base: string, signed: string): string {
  return `${base}${base.includes('?') ? '&' : '?'}${PLATE_LINK_PARAM}=${signed}`
}

/** What a scan or a typed text names: a signed plate (its QR, or the QR's link) or a typed code. */
export type PlateScan = { kind: 'signed'; signed: string } | { kind: 'code'; code: string }

export function readPlateScan(text: string): PlateScan | null {
  const trimmed = text.trim()
  const linked = new RegExp(`[?&]${PLATE_LINK_PARAM}=([^&#]+)`).exec(trimmed)
  const signed = linked ? linked[1] : trimmed
  const parts = signed.split('.')
  if (parts.length === 2 && parts.every((part) => part.length > 0 && isBase64UrlText(part))) return { kind: 'signed', signed }
  if (linked) return null
  const code = readShortCode(CHECKED_CODE, trimmed)
  return code ? { kind: 'code', code } : null
}

/** The claims of a signed plate, or null when it is not one of this key's plates (forged, edited, or not a plate). */
export function readSignedPlate(signed: string, signer: PlateSigner): PlateClaims | null {
  const read = readSignedPayload(signed, signer)
  if (!read || typeof read.value !== 'object' || read.value === null) return null
  const { v, c } = read.value as Partial<WireClaims>
  if (typeof v !== 'string' || v.length === 0 || typeof c !== 'string' || readShortCode(CHECKED_CODE, c) !== c) return null
  return { villageId: v, code: c }
}

/** A plate as the store keeps it: its household's village, and when a newer plate replaced it. */
export type IssuedPlate = { villageId: string; revokedAt: Date | null }

export type PlateStanding = 'valid' | 'unknown' | 'revoked'

/**
 * Whether a scanned or typed plate still opens its household: a code never issued, or a QR whose
 * village is not the village its code was issued in, is unknown; a code replaced by a newer plate is
 * revoked. A typed code carries no village (`villageId` null): its lookup alone decides.
 */
export function plateStanding(scanned: { villageId: string | null }, issued: IssuedPlate | null): PlateStanding {
  if (!issued) return 'unknown'
  if (scanned.villageId !== null && scanned.villageId !== issued.villageId) return 'unknown'
  return issued.revokedAt ? 'revoked' : 'valid'
}
