import { eq } from 'drizzle-orm'
import type { VerificationResult } from '../../../src/core/contracts/credit'
import { certificateStatus, CERTIFICATE_STATUS_LABELS, signatureHolds } from '../../../src/core/credit/certificate'
import { formatCertificateCode, readCertificateScan } from '../../../src/core/credit/certificate-code'
import { AppError } from '../../../src/core/errors'
import { grantsFor } from '../../../src/core/policy'
import type { Db } from '../../store/database'
import { certificateVerifications, creditCertificates, orgs } from '../../store/schema'
import { loadCaller } from '../shared/caller'
import { orgRef } from '../org/org-scope'
import { officerGrantIn } from './bank-access'
import { claimsOf } from './certificates'
import { certificateSigner } from './certificate-key'

/**
 * 核验: a bank's officer scans the QR or types the code. The cooperative's signature is checked
 * every time, over the row as it stands (an edited row, or a QR whose signature differs by one
 * character, is refused); the certificate must be addressed to the officer's bank. The look is
 * recorded for the household; the figures are shown only while the certificate is valid.
 */
export async function verifyCertificate(db: Db, openid: string, input: { scan: string }, now = new Date()): Promise<VerificationResult> {
  const caller = await loadCaller(db, openid)
  if (grantsFor(caller.grants, 'verifyCertificate').length === 0) throw new AppError('FORBIDDEN', '只有银行信贷员可以核验积分证明')
  const scan = readCertificateScan(input.scan)
  if (!scan) throw new AppError('CERTIFICATE_INVALID', '证明码不对：请核对 10 位证明码，或重新扫码')
  const [row] = await db
    .select({ certificate: creditCertificates, bankPath: orgs.path })
    .from(creditCertificates)
    .innerJoin(orgs, eq(orgs.id, creditCertificates.bankId))
    .where(eq(creditCertificates.id, scan.code))
  if (!row) throw new AppError('CERTIFICATE_INVALID', '没有这个证明码：请核对后再输入')
  const { certificate } = row
  const signer = certificateSigner()
  const signed = signatureHolds(claimsOf(certificate), certificate.signature, signer)
  if (!signed || (scan.signature !== null && scan.signature !== certificate.signature)) throw new AppError('CERTIFICATE_INVALID')
  const grant = officerGrantIn(caller, { path: row.bankPath }, '这份积分证明是农户给别的银行的，您不能查看')
  const status = certificateStatus(certificate, now)
  await db.insert(certificateVerifications).values({ certificateId: certificate.id, officerOpenid: openid, officerOrgId: grant.org.id, status, createdAt: now })
  return {
    code: formatCertificateCode(certificate.id),
    status,
    statusLabel: CERTIFICATE_STATUS_LABELS[status],
    bank: orgRef({ id: certificate.bankId, name: certificate.bankName, kind: 'bank' }),
    issuedAt: certificate.issuedAt.toISOString(),
    expiresAt: certificate.expiresAt.toISOString(),
    statements: status === 'valid' ? certificate.statements : null,
    checkedAt: now.toISOString(),
    publicKeyPem: signer.publicKeyPem,
  }
}
