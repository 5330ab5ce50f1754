import type { MerchantView } from '../core/contracts/account'
import type { Envelope } from '../core/contracts/envelope'
import type { MerchantList } from '../core/contracts/merchant'
import { callFunction } from './call-function'
import type { ActionParams } from './function-contracts'

/** 商家入盟: the committee adds a merchant to its alliance. */
export function addMerchant(input: ActionParams<'merchant', 'add'>): Promise<Envelope<MerchantView>> {
  return callFunction('merchant', 'add', input)
}

/** 联盟商家: an alliance's merchants. */
export function merchants(allianceId: string): Promise<Envelope<MerchantList>> {
  return callFunction('merchant', 'list', { allianceId })
}
