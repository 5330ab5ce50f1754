import { randomBytes } from 'node:crypto'
import { and, desc, eq, gt, inArray, isNull, lte, type SQL } from 'drizzle-orm'
import type { BankOffer, CreditOverview, MyCertificateView, VerificationView } from '../../../src/core/contracts/credit'
import { termsSentence } from '../../../src/core/credit/bank-terms'
import {
  certificateExpiry,
  certificateStatus,
  CERTIFICATE_STATUS_LABELS,
  signCertificate,
  type CertificateClaims,
  type CertificateStatus,
} from '../../../src/core/credit/certificate'
import { certificateQrText, formatCertificateCode, newCertificateCode } from '../../../src/core/credit/certificate-code'
import { AppError } from '../../../src/core/errors'
import { pathCovers, streetPathOf } from '../../../src/core/org'
import { localDay } from '../../../src/core/period'
import { CERTIFICATE_WARNING_DAYS } from '../../../src/core/reminders'
import type { Db } from '../../store/database'
import { certificateVerifications, creditCertificates, households, orgs, users } from '../../store/schema'
import { loadCaller } from '../shared/caller'
import { orgRef } from '../org/org-scope'
import { findBank, streetBanks } from './bank-access'
import { termsInForceFor } from './bank-terms'
import { certificateSigner } from './certificate-key'
import { householdStatements } from './statements'

export type CertificateRow = typeof creditCertificates.$inferSelect

/** The claims a certificate row was signed over, rebuilt from the row (so an edited row no longer verifies). */
export function claimsOf(row: CertificateRow): CertificateClaims {
  return {
    id: row.id,
    householdId: row.householdId,
    bank: { id: row.bankId, name: row.bankName },
    issuedAt: row.issuedAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    statements: row.statements,
  }
}

const DAY_MS = 24 * 3600 * 1000

/**
 * Certificates in force at `now` that expire within CERTIFICATE_WARNING_DAYS: the clock tells their
 * households once (services/shared/reminders.ts) and the household's 首页 shows them (account/waiting.ts).
 */
export function certificatesExpiringSoon(now: Date): SQL {
  return and(
    isNull(creditCertificates.revokedAt),
    isNull(creditCertificates.supersededAt),
    gt(creditCertificates.expiresAt, now),
    lte(creditCertificates.expiresAt, new Date(now.getTime() + CERTIFICATE_WARNING_DAYS * DAY_MS)),
  )!
}

/**
 * 申请积分证明: a bound member of the household asks for a certificate addressed to one bank of its
 * street. The figures are computed now from kept data and signed; the household's earlier
 * certificate still in force is superseded (one in force per household).
 */
export async function issueCertificate(
  db: Db,
  openid: string,
  input: { bankId: string; showName: boolean },
  at?: Date,
): Promise<MyCertificateView> {
  const caller = await loadCaller(db, openid)
  if (!caller.householdId) throw new AppError('FORBIDDEN', '您还没有绑定农户，不能申请积分证明')
  const bank = await findBank(db, input.bankId)
  // One issue at a time per household: its row is locked until the new certificate is written, and the
  // time is read once the lock is held, so the certificate in force is always the latest issued.
  const [household] = await db.select().from(households).where(eq(households.id, caller.householdId)).for('update')
  const now = at ?? new Date()
  const [village] = await db.select({ path: orgs.path }).from(orgs).where(eq(orgs.id, household.villageId))
  if (bank.retiredAt || !pathCovers(streetPathOf(village.path), bank.path)) throw new AppError('NOT_FOUND', '没有找到这家银行')
  const id = newCertificateCode((count) => randomBytes(count))
  const claims: CertificateClaims = {
    id,
    householdId: household.id,
    bank: { id: bank.id, name: bank.name },
    issuedAt: now.toISOString(),
    expiresAt: certificateExpiry(now).toISOString(),
    statements: await householdStatements(db, household.id, now, input.showName),
  }
  await db
    .update(creditCertificates)
    .set({ supersededAt: now, supersededBy: id })
    .where(
      and(
        eq(creditCertificates.householdId, household.id),
        isNull(creditCertificates.revokedAt),
        isNull(creditCertificates.supersededAt),
        gt(creditCertificates.expiresAt, now),
      ),
    )
  const [row] = await db
    .insert(creditCertificates)
    .values({
      id,
      householdId: household.id,
      bankId: bank.id,
      bankName: bank.name,
      statements: claims.statements,
      issuedAt: now,
      expiresAt: new Date(claims.expiresAt),
      signature: signCertificate(claims, certificateSigner()),
      issuedBy: openid,
    })
    .returning()
  return myCertificateView(row, now)
}

/** 撤销: any bound member of the household withdraws its certificate at once; the bank then sees 已撤销 and no figures. */
export async function revokeCertificate(db: Db, openid: string, input: { certificateId: string }, now = new Date()): Promise<MyCertificateView> {
  const caller = await loadCaller(db, openid)
  const [row] = await db.select().from(creditCertificates).where(eq(creditCertificates.id, input.certificateId)).for('update')
  if (!row) throw new AppError('NOT_FOUND', '没有找到这份积分证明')
  if (row.householdId !== caller.householdId) throw new AppError('FORBIDDEN', '只有这户的家庭成员可以撤销这份证明')
  const status = certificateStatus(row, now)
  if (status !== 'valid') throw new AppError('CERTIFICATE_STATE', `这份证明${CERTIFICATE_STATUS_LABELS[status]}，不用再撤销`)
  const [revoked] = await db
    .update(creditCertificates)
    .set({ revokedAt: now, revokedBy: openid })
    .where(eq(creditCertificates.id, row.id))
    .returning()
  return myCertificateView(revoked, now)
}

/**
 * 积分证明 page: the household's newest certificate, the banks of its street with the terms each has
 * in force today (and what they would mean for the certificate's figures), and who looked when.
 */
export async function creditOverview(db: Db, openid: string, now = new Date()): Promise<CreditOverview> {
  const caller = await loadCaller(db, openid)
  if (!caller.householdId) throw new AppError('FORBIDDEN', '您还没有绑定农户，不能申请积分证明')
  const [household] = await db
    .select({ name: households.headName, village: { id: orgs.id, name: orgs.name, kind: orgs.kind, path: orgs.path } })
    .from(households)
    .innerJoin(orgs, eq(orgs.id, households.villageId))
    .where(eq(households.id, caller.householdId))
  const [newest] = await db
    .select()
    .from(creditCertificates)
    .where(eq(creditCertificates.householdId, caller.householdId))
    .orderBy(desc(creditCertificates.issuedAt))
    .limit(1)
  const certificate = newest ? myCertificateView(newest, now) : null
  const banks = await streetBanks(db, streetPathOf(household.village.path))
  const terms = await termsInForceFor(db, banks.map((b) => b.id), localDay(now))
  const offers: BankOffer[] = banks.map((bank) => {
    const inForce = terms.get(bank.id) ?? null
    const points = certificate && inForce ? certificate.statements[inForce.basis].points : null
    return { bank: orgRef(bank), terms: inForce, sentence: inForce && points !== null ? termsSentence(inForce.bands, points, inForce.basis) : null }
  })
  return {
    householdName: household.name,
    village: orgRef(household.village),
    certificate,
    banks: offers,
    verifications: await verificationsOf(db, caller.householdId),
  }
}

/** 谁在什么时候查看了: every verification of the household's certificates, newest first. */
async function verificationsOf(db: Db, householdId: string): Promise<VerificationView[]> {
  const certificates = db.select({ id: creditCertificates.id }).from(creditCertificates).where(eq(creditCertificates.householdId, householdId))
  const rows = await db
    .select({
      verification: certificateVerifications,
      officerName: users.displayName,
      org: { kind: orgs.kind, name: orgs.name },
      bankName: creditCertificates.bankName,
    })
    .from(certificateVerifications)
    .innerJoin(creditCertificates, eq(creditCertificates.id, certificateVerifications.certificateId))
    .innerJoin(users, eq(users.openid, certificateVerifications.officerOpenid))
    .innerJoin(orgs, eq(orgs.id, certificateVerifications.officerOrgId))
    .where(inArray(certificateVerifications.certificateId, certificates))
    .orderBy(desc(certificateVerifications.id))
    .limit(50)
  return rows.map(({ verification, officerName, org, bankName }) => ({
    id: verification.id,
    certificateCode: formatCertificateCode(verification.certificateId),
    officerName,
    bankName: org.kind === 'bank' ? org.name : `${bankName} ${org.name}`,
    at: verification.createdAt.toISOString(),
    statusLabel: CERTIFICATE_STATUS_LABELS[verification.status as CertificateStatus],
  }))
}

function myCertificateView(row: CertificateRow, now: Date): MyCertificateView {
  const status = certificateStatus(row, now)
  return {
    id: row.id,
    code: formatCertificateCode(row.id),
    qrText: status === 'valid' ? certificateQrText(row.id, row.signature) : null,
    status,
    statusLabel: CERTIFICATE_STATUS_LABELS[status],
    bank: orgRef({ id: row.bankId, name: row.bankName, kind: 'bank' }),
    issuedAt: row.issuedAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    statements: row.statements,
  }
}
