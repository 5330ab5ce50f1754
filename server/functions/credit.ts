import { creditInputs } from '../../src/core/contracts/credit'
import { listBankTerms, publishBankTerms } from '../services/credit/bank-terms'
import { creditOverview, issueCertificate, revokeCertificate } from '../services/credit/certificates'
import { verifyCertificate } from '../services/credit/verify'
import { action, defineFunction } from './define-function'

/** 善治贷: a household's points certificate for a bank, the bank's verification, and the bank's terms. */
export const creditFunction = defineFunction('credit', {
  mine: action({ input: creditInputs.mine, run: ({ db, openid }) => creditOverview(db, openid) }),
  issue: action({ input: creditInputs.issue, mutates: true, run: ({ db, openid }, input) => issueCertificate(db, openid, input) }),
  revoke: action({ input: creditInputs.revoke, mutates: true, run: ({ db, openid }, input) => revokeCertificate(db, openid, input) }),
  // A verification is recorded for the household: a state change, once per requestId.
  verify: action({ input: creditInputs.verify, mutates: true, run: ({ db, openid }, input) => verifyCertificate(db, openid, input) }),
  terms: action({ input: creditInputs.terms, run: ({ db, openid }, input) => listBankTerms(db, openid, input) }),
  publishTerms: action({ input: creditInputs.publishTerms, mutates: true, run: ({ db, openid }, input) => publishBankTerms(db, openid, input) }),
})
