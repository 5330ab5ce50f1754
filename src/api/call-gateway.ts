import Taro from '@tarojs/taro'
import type { Envelope } from '../core/contracts/envelope'
import { readDemoOpenId } from './demo-identity'
import { isEnvelope, networkFailure } from './network-failure'

const TIMEOUT_MS = 15_000

/** The H5 transport: the local gateway's `POST /api/functions/<name>`, identified by the demo openid. */
export async function callGateway(name: string, data: Record<string, unknown>): Promise<Envelope<unknown>> {
  const openid = readDemoOpenId()
  try {
    const response = await Taro.request<unknown>({
      url: `/api/functions/${encodeURIComponent(name)}`,
      method: 'POST',
      data,
      header: openid ? { 'Content-Type': 'application/json', 'X-Dev-OpenId': openid } : { 'Content-Type': 'application/json' },
      timeout: TIMEOUT_MS,
    })
    return isEnvelope(response.data) ? response.data : networkFailure()
  } catch {
    return networkFailure()
  }
}
