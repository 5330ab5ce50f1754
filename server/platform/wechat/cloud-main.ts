import * as cloud from 'wx-server-sdk'
import { errorEnvelope, type Envelope } from '../../../src/core/contracts/envelope'
import { AppError } from '../../../src/core/errors'
import type { Database } from '../../store/database'
import { openPostgres } from '../../store/open-postgres'
import type { CloudFunction, Platform } from '../../functions/define-function'
import { wechatContentCheck } from './content-check'
import { wechatGroupTickets } from './group-ticket'
import { wechatSubscribeMessage } from './subscribe-message'

// The SDK's types say string, its docs pass this symbol: the environment the function runs in.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

const WECHAT_PLATFORM: Platform = {
  contentCheck: wechatContentCheck,
  resolveGroupTicket: wechatGroupTickets,
  sendSubscribeMessage: wechatSubscribeMessage,
}

// One small pool per warm function instance, reused across invocations.
let database: Promise<Database> | undefined

/**
 * The deployed entry of a cloud function: identity from WeChat (the OPENID the platform vouches
 * for), the database from DATABASE_URL (the cloud function's environment variable, reaching the
 * environment's PostgreSQL through its VPC), then the same handler the local gateway runs.
 */
export function cloudMain(fn: CloudFunction) {
  return async (event: unknown): Promise<Envelope<unknown>> => {
    const url = process.env.DATABASE_URL
    if (!url) {
      console.error(`[${fn.name}] DATABASE_URL is not configured`)
      return errorEnvelope(new AppError('INTERNAL'))
    }
    database ??= openPostgres(url, { poolSize: 2 })
    const { OPENID } = cloud.getWXContext()
    return fn.invoke({
      db: (await database).db,
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
