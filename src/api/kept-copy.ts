import Taro from '@tarojs/taro'
import type { Envelope } from '../core/contracts/envelope'
import { isTransient } from '../core/walk-queue'

/**
 * Calls the backend and keeps a copy of the answer on the phone (when `keep`); without a network,
 * answers the copy kept last time instead (`kept: true`), for what a leader needs where signal drops.
 */
export async function withKeptCopy<T>(key: string, call: () => Promise<Envelope<T>>, keep = true): Promise<{ answer: Envelope<T>; kept: boolean }> {
  const answer = await call()
  if (answer.ok && keep) Taro.setStorageSync(key, answer.data)
  if (answer.ok || !isTransient(answer)) return { answer, kept: false }
  const copy: unknown = Taro.getStorageSync(key)
  return copy ? { answer: { ok: true, data: copy as T }, kept: true } : { answer, kept: false }
}
