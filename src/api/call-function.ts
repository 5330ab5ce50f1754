import type { Envelope } from '../core/contracts/envelope'
import { callCloud } from './call-cloud'
import { callGateway } from './call-gateway'
import type { ActionName, ActionParams, ActionResult, FunctionName } from './function-contracts'
import { networkFailure, retryWhileBusy } from './network-failure'

/**
 * Calls one action of a cloud function: in the mini-program through WeChat cloud, in H5 through
 * the local gateway. It never throws; every failure comes back as `{ ok: false, error }`. A `BUSY`
 * answer (the database had no connection for it) is sent again, twice at most, with the same data
 * and so the same requestId: a write still applies once.
 */
export async function callFunction<N extends FunctionName, A extends ActionName<N>>(
  name: N,
  action: A,
  params: ActionParams<N, A>,
): Promise<Envelope<ActionResult<N, A>>> {
  const data = { ...(params as object), action }
  return retryWhileBusy(async () => {
    try {
      const envelope = process.env.TARO_ENV === 'weapp' ? await callCloud(name, data) : await callGateway(name, data)
      // The backend answers with the contract's output type for this action.
      return envelope as Envelope<ActionResult<N, A>>
    } catch {
      return networkFailure()
    }
  })
}
