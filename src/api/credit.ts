import type { BankTermsPage, CreditOverview, MyCertificateView, TermsVersionView, VerificationResult } from '../core/contracts/credit'
import type { Envelope } from '../core/contracts/envelope'
import { callFunction } from './call-function'
import type { ActionParams } from './function-contracts'

/** 积分证明 page: my household's newest certificate, the banks with their terms, who looked. */
export function myCredit(): Promise<Envelope<CreditOverview>> {
  return callFunction('credit', 'mine', {})
}

export function requestCertificate(requestId: string, bankId: string, showName: boolean): Promise<Envelope<MyCertificateView>> {
  return callFunction('credit', 'issue', { requestId, bankId, showName })
}

export function revokeCertificate(requestId: string, certificateId: string): Promise<Envelope<MyCertificateView>> {
  return callFunction('credit', 'revoke', { requestId, certificateId })
}

/** 核验: what the officer scanned (the QR's text) or typed (the code). */
export function verifyCertificate(requestId: string, scan: string): Promise<Envelope<VerificationResult>> {
  return callFunction('credit', 'verify', { requestId, scan })
}

/** 本行规则: the officer's own bank when `bankId` is left out. */
export function bankTerms(bankId?: string): Promise<Envelope<BankTermsPage>> {
  return callFunction('credit', 'terms', bankId ? { bankId } : {})
}

export function publishBankTerms(input: ActionParams<'credit', 'publishTerms'>): Promise<Envelope<TermsVersionView>> {
  return callFunction('credit', 'publishTerms', input)
}
