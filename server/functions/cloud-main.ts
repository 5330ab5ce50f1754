import * as cloud from 'wx-server-sdk'
import { errorEnvelope, type Envelope } from '../../src/core/contracts/envelope'
import { AppError } from '../../src/core/errors'
import type { Database } from '../store/database'
import { budgetFromEnvironment } from '../store/connection-budget'
import { openPostgres } from '../store/open-postgres'
import type { CloudFunction } from './define-function'
import type { Platform } from '../platform/platform'
import { wechatContentCheck } from '../platform/wechat/content-check'
import { wechatGroupTickets } from '../platform/wechat/group-ticket'
import { wechatMediaCheck } from '../platform/wechat/media-check'
import { wechatSubscribeMessage } from '../platform/wechat/subscribe-message'

// The SDK's types say string, its docs pass this symbol: the environment the function runs in.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

const WECHAT_PLATFORM: Platform = {
  contentCheck: wechatContentCheck,
  resolveGroupTicket: wechatGroupTickets,
  sendSubscribeMessage: wechatSubscribeMessage,
  startMediaCheck: wechatMediaCheck,
}

// One pool per warm function instance, reused across invocations: one connection by default
// (DB_POOL_MAX), closed when idle (README: Scaling).
let environmentDatabase: Promise<Database> | undefined

/**
 * The database of a deployed function: DATABASE_URL, the function's environment variable, reaching
 * the environment's PostgreSQL through its VPC. Null when it is not configured.
 */
function databaseFromEnvironment(): Promise<Database> | null {
  const url = process.env.DATABASE_URL
  if (!url) return null
  environmentDatabase ??= (async () => {
    const { max, ...budget } = budgetFromEnvironment()
    return openPostgres(url, { poolSize: max, budget })
  })()
  return environmentDatabase
}

/**
 * The deployed entry of a cloud function: identity from WeChat (the OPENID the platform vouches
 * for), the database (by default from the environment), then the same handler the local gateway runs.
 */
export function cloudMain(fn: CloudFunction, database: () => Promise<Database> | null = databaseFromEnvironment) {
  return async (event: unknown): Promise<Envelope<unknown>> => {
    const { OPENID } = cloud.getWXContext()
    const opened = database()
    if (!opened) {
      console.error(`[${fn.name}] DATABASE_URL is not configured`)
      return errorEnvelope(new AppError('INTERNAL'))
    }
    return fn.invoke({
      db: (await opened).db,
      openid: OPENID || null,
      event: withoutUserInfo(event),
      platform: WECHAT_PLATFORM,
    })
  }
}

/** wx.cloud.callFunction adds `userInfo` to the event; identity is taken from getWXContext only. */
function withoutUserInfo(event: unknown): unknown {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return event
  const { userInfo: _ignored, ...data } = event as Record<string, unknown>
  return data
}
