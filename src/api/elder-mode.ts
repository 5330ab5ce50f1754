import type { Envelope } from '../core/contracts/envelope'
import { callFunction } from './call-function'

/** 长辈模式 on or off for the caller; kept per user on the server and given back by whoami. */
export function setElderMode(requestId: string, on: boolean): Promise<Envelope<{ elderMode: boolean }>> {
  return callFunction('account', 'setElderMode', { requestId, on })
}
