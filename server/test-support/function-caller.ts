import type { Envelope } from '../../src/core/contracts/envelope'
import type { CloudFunction } from '../functions/define-function'
import { localPlatform } from '../platform/local/platform'
import type { Db } from '../store/database'

/**
 * Calls cloud-function handlers as a WeChat user would, on a test database opened later (`db()` is read
 * at each call): `call` answers the envelope, `ok` its data (throwing on a refusal), `refused` its code.
 */
export function functionCaller<F extends Record<string, CloudFunction>>(functions: F, db: () => Db) {
  function call<T>(openid: string, fn: keyof F, event: Record<string, unknown>): Promise<Envelope<T>> {
    return functions[fn].invoke({ db: db(), openid, event, platform: localPlatform }) as Promise<Envelope<T>>
  }
  async function ok<T>(openid: string, fn: keyof F, event: Record<string, unknown>): Promise<T> {
    const answer = await call<T>(openid, fn, event)
    if (!answer.ok) throw new Error(`${String(fn)}.${String(event.action)}: ${answer.error.code} ${answer.error.message}`)
    return answer.data
  }
  async function refused(openid: string, fn: keyof F, event: Record<string, unknown>): Promise<string> {
    const answer = await call(openid, fn, event)
    if (answer.ok) throw new Error(`expected a refusal, got ${JSON.stringify(answer.data)}`)
    return answer.error.code
  }
  return { call, ok, refused }
}
