import Taro from '@tarojs/taro'
import type { Envelope } from '../core/contracts/envelope'
import { isEnvelope, networkFailure } from './network-failure'

/** One named demo user the H5 gateway offers in demo mode. */
export type DemoIdentity = { openid: string; name: string; label: string }

const STORAGE_KEY = 'demoOpenId'
const CHANGED_EVENT = 'demoIdentityChanged'

/** True only in the H5 build: the mini-program never has demo identities. */
export const demoIdentitiesPossible = process.env.TARO_ENV === 'h5'

/** The demo openid chosen in this browser, or null. */
export function readDemoOpenId(): string | null {
  if (!demoIdentitiesPossible) return null
  const value: unknown = Taro.getStorageSync(STORAGE_KEY)
  return typeof value === 'string' && value.length > 0 ? value : null
}

/** Keeps the chosen demo openid and tells every open page that the caller changed. */
export function storeDemoOpenId(openid: string): void {
  Taro.setStorageSync(STORAGE_KEY, openid)
  Taro.eventCenter.trigger(CHANGED_EVENT, openid)
}

/** Runs `listener` whenever another demo identity is chosen; returns the unsubscribe function. */
export function onDemoIdentityChange(listener: () => void): () => void {
  Taro.eventCenter.on(CHANGED_EVENT, listener)
  return () => {
    Taro.eventCenter.off(CHANGED_EVENT, listener)
  }
}

let identitiesRequest: Promise<Envelope<DemoIdentity[]>> | null = null

/**
 * The demo identities, when the gateway runs in demo mode. Not in demo mode (or in the
 * mini-program) the answer is an error envelope and the switcher stays hidden. Asked once per
 * app load; a failed request is asked again next time.
 */
export function fetchDemoIdentities(): Promise<Envelope<DemoIdentity[]>> {
  if (!demoIdentitiesPossible) return Promise.resolve({ ok: false, error: { code: 'NOT_FOUND', message: '没有演示身份' } })
  identitiesRequest ??= requestDemoIdentities().then((envelope) => {
    if (!envelope.ok) identitiesRequest = null
    return envelope
  })
  return identitiesRequest
}

async function requestDemoIdentities(): Promise<Envelope<DemoIdentity[]>> {
  try {
    const response = await Taro.request<unknown>({ url: '/api/demo/identities', method: 'GET', timeout: 15_000 })
    return isEnvelope(response.data) ? (response.data as Envelope<DemoIdentity[]>) : networkFailure()
  } catch {
    return networkFailure()
  }
}

