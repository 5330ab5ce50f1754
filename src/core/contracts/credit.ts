import { z } from 'zod'
import { bandsProblem, TERMS_BASES, type TermsBand, type TermsBasis } from '../credit/bank-terms'
import type { CertificateStatements, CertificateStatus } from '../credit/certificate'
import type { OrgRef } from './account'
import { requestIdSchema } from './request-id'

const bankId = z.string().min(1).max(64)
const band = z.object({
  minPoints: z.number().int().min(1, '起点积分至少 1 分').max(100_000, '起点积分最多 100000 分'),
  /** 10 bp = 0.1 个百分点; at most 3 个百分点. */
  discountBp: z.number().int().min(0, '利率优惠不能是负数').max(300, '利率优惠最多 3 个百分点'),
  /** Fen; at most 1,000,000 元. */
  creditLineFen: z.number().int().min(0, '授信额度不能是负数').max(100_000_000, '授信额度最多 100 万元'),
})

/**
 * Inputs of the `credit` cloud function (善治贷). A household's bound member requests, reads and
 * revokes its certificate; a bank's officer verifies one by the code typed or the QR scanned, and
 * reads and publishes the bank's terms. A `bankId` left out means the officer's own bank.
 */
export const creditInputs = {
  mine: z.object({}),
  issue: z.object({
    requestId: requestIdSchema,
    bankId,
    /** The household agrees to show the head's full name (masked "张**" otherwise). */
    showName: z.boolean().default(false),
  }),
  revoke: z.object({ requestId: requestIdSchema, certificateId: z.string().min(1).max(16) }),
  /** What was scanned (the QR's "SZD1.…") or typed (the 10-character code, with or without its dash). */
  verify: z.object({ requestId: requestIdSchema, scan: z.string().trim().min(1, '请扫码或输入证明码').max(200, '证明码太长了，请检查') }),
  terms: z.object({ bankId: bankId.optional() }),
  publishTerms: z.object({
    requestId: requestIdSchema,
    bankId: bankId.optional(),
    /** The Asia/Shanghai day the terms take effect: today or later. */
    effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '请选择生效日期'),
    basis: z.enum(TERMS_BASES),
    bands: z
      .array(band)
      .min(1, '请至少填一档')
      .max(10, '最多 10 档')
      .superRefine((bands, ctx) => {
        const problem = bandsProblem(bands)
        if (problem) ctx.addIssue({ code: 'custom', message: problem })
      }),
  }),
}

/** A published version of a bank's terms. */
export type TermsVersionView = {
  id: number
  version: number
  effectiveFrom: string
  basis: TermsBasis
  basisLabel: string
  bands: TermsBand[]
  /** Each band in words: "上一年积分满 100 分：利率优惠 0.1 个百分点，授信最高 50,000.00 元". */
  bandLines: string[]
  publishedAt: string
}

/** A bank a household may address a certificate to, with its terms in force today (if it published any). */
export type BankOffer = {
  bank: OrgRef
  terms: TermsVersionView | null
  /** "按本行现行规则，您家可享受利率优惠 0.3 个百分点" from the current certificate's figures; null without one. */
  sentence: string | null
}

/** The household's own certificate: the figures always (they are the household's own), the QR only while valid. */
export type MyCertificateView = {
  id: string
  /** "7KQ2M-XD4PA" */
  code: string
  /** The QR's text while valid; null once revoked, expired or superseded. */
  qrText: string | null
  status: CertificateStatus
  statusLabel: string
  bank: OrgRef
  issuedAt: string
  expiresAt: string
  statements: CertificateStatements
}

/** 谁在什么时候查看了: one verification of one of the household's certificates. */
export type VerificationView = {
  id: number
  certificateCode: string
  officerName: string
  /** The bank, or "平湖农商银行 当湖支行" for a branch's officer. */
  bankName: string
  at: string
  statusLabel: string
}

export type CreditOverview = {
  householdName: string
  village: OrgRef
  /** The newest certificate, whatever its status; null before the first request. */
  certificate: MyCertificateView | null
  banks: BankOffer[]
  verifications: VerificationView[]
}

/** What an officer sees: the statements only while valid; otherwise the status and nothing of the household. */
export type VerificationResult = {
  code: string
  status: CertificateStatus
  statusLabel: string
  bank: OrgRef
  issuedAt: string
  expiresAt: string
  statements: CertificateStatements | null
  checkedAt: string
  /** The cooperative's public key (Ed25519, PEM), to check certificates offline. */
  publicKeyPem: string
}

export type BankTermsPage = {
  bank: OrgRef
  /** Newest first; the one in force today is marked. */
  versions: (TermsVersionView & { inForce: boolean })[]
  mayPublish: boolean
}

export type CreditOutputs = {
  mine: CreditOverview
  issue: MyCertificateView
  revoke: MyCertificateView
  verify: VerificationResult
  terms: BankTermsPage
  publishTerms: TermsVersionView
}
