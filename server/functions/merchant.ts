import { merchantInputs } from '../../src/core/contracts/merchant'
import { addMerchant, listMerchants } from '../services/merchant/merchants'
import { action, defineFunction } from './define-function'

/** 商家自治联盟: the alliance's merchants; their scoring, notices and binding go through score, notice and account. */
export const merchantFunction = defineFunction('merchant', {
  add: action({ input: merchantInputs.add, mutates: true, run: ({ db, openid }, input) => addMerchant(db, openid, input) }),
  list: action({ input: merchantInputs.list, run: ({ db, openid }, input) => listMerchants(db, openid, input) }),
})
