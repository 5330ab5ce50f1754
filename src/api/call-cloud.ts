import Taro from '@tarojs/taro'
import type { Envelope } from '../core/contracts/envelope'
import { isEnvelope, networkFailure } from './network-failure'

let initialised = false

/**
 * Starts the WeChat cloud SDK once. The environment id comes from TARO_APP_CLOUD_ENV at build time;
 * left empty, WeChat uses the mini-program's default cloud environment.
 */
export function initCloud(): void {
  if (initialised) return
  Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV || undefined, traceUser: true })
  initialised = true
}

/** The mini-program transport: `wx.cloud.callFunction`; the platform supplies the caller's identity. */
export async function callCloud(name: string, data: Record<string, unknown>): Promise<Envelope<unknown>> {
  try {
    initCloud()
    const response = await Taro.cloud.callFunction({ name, data })
    return isEnvelope(response.result) ? response.result : networkFailure()
  } catch {
    return networkFailure()
  }
}
