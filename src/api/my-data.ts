import type { LeftMerchant, MyData, MyDataExport, WithdrawResult } from '../core/contracts/account'
import type { Envelope } from '../core/contracts/envelope'
import { callFunction } from './call-function'

/** 我的信息: what the app holds about me and my household. */
export function myData(): Promise<Envelope<MyData>> {
  return callFunction('account', 'myData', {})
}

/** 我的信息 as one .xlsx file. */
export function exportMyData(): Promise<Envelope<MyDataExport>> {
  return callFunction('account', 'exportMyData', {})
}

/** 解除绑定: my WeChat binding and my own data go; the household's ledger stays. */
export function withdraw(requestId: string): Promise<Envelope<WithdrawResult>> {
  return callFunction('account', 'withdraw', { requestId })
}

/** 解除店铺绑定: I am no longer the shop's owner; the shop and its points stay with the alliance. */
export function leaveMerchant(requestId: string): Promise<Envelope<LeftMerchant>> {
  return callFunction('account', 'leaveMerchant', { requestId })
}
