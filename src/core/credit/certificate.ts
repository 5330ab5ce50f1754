import type { Signer } from '../codes/signed-payload'
import { canonicalJson } from './canonical-json'

/**
 * 积分证明 (善治贷): what a household lets one bank know, stated by the cooperative, signed on the
 * server with its Ed25519 key, valid 30 days. It holds only what the bank needs; the figures are
 * computed from kept data at issue time and never change afterwards.
 */
export const CERTIFICATE_VALID_DAYS = 30
const DAY_MS = 24 * 60 * 60 * 1000

export type CertificateStatements = {
  village: string
  cooperative: string
  /** The household head as "张**", or in full when the household chose to show it. */
  head: string
  headShown: boolean
  shares: number
  /** Earned points (scores, corrections, restorations) in the Asia/Shanghai year so far, and last year. */
  thisYear: { year: string; points: number }
  lastYear: { year: string; points: number }
  /** Where this year's points stand in the village: "前 10%" … "后 50%". */
  rankBand: string
  /** Rectification notices past their deadline and not rectified, at issue time. */
  overdueRectifications: number
  /** Deductions whose appeal was decided against the household in the 12 months before issue. */
  upheldDeductions: number
}

/** Everything the signature covers. */
export type CertificateClaims = {
  id: string
  householdId: string
  bank: { id: string; name: string }
  issuedAt: string
  expiresAt: string
  statements: CertificateStatements
}

/** A signer with one key pair (Ed25519 through node:crypto on the server); the core fixes only what is signed. */
export type CertificateSigner = Signer & {
  /** The public key a bank may keep to check certificates offline (PEM, SPKI). */
  publicKeyPem: string
}

export function certificateExpiry(issuedAt: Date): Date {
  return new Date(issuedAt.getTime() + CERTIFICATE_VALID_DAYS * DAY_MS)
}

/** The exact text the cooperative signs: the claims in canonical JSON (times as ISO UTC strings). */
export function signedText(claims: CertificateClaims): string {
  return canonicalJson({ v: 1, ...claims })
}

export function signCertificate(claims: CertificateClaims, signer: CertificateSigner): string {
  return signer.sign(signedText(claims))
}

/** True when `signature` is the cooperative's signature over exactly these claims. */
export function signatureHolds(claims: CertificateClaims, signature: string, signer: CertificateSigner): boolean {
  return signer.verify(signedText(claims), signature)
}

export const CERTIFICATE_STATUSES = ['valid', 'revoked', 'expired', 'superseded'] as const
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number]

export const CERTIFICATE_STATUS_LABELS: Record<CertificateStatus, string> = {
  valid: '有效',
  revoked: '已撤销',
  expired: '已过期',
  superseded: '已被新证明取代',
}

/**
 * A certificate's status at `now`: the household's revocation first, then a newer certificate, then
 * its 30 days. Only a valid one shows its figures.
 */
export function certificateStatus(
  certificate: { revokedAt: Date | null; supersededAt: Date | null; expiresAt: Date },
  now: Date,
): CertificateStatus {
  if (certificate.revokedAt && certificate.revokedAt.getTime() <= now.getTime()) return 'revoked'
  if (certificate.supersededAt && certificate.supersededAt.getTime() <= now.getTime()) return 'superseded'
  if (now.getTime() >= certificate.expiresAt.getTime()) return 'expired'
  return 'valid'
}
