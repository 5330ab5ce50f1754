import * as cloud from 'wx-server-sdk'
import { errorEnvelope, type Envelope } from '../../src/core/contracts/envelope'
import { AppError } from '../../src/core/errors'
import type { Database } from '../store/database'
import { budgetFromEnvironment } from '../store/connection-budget'
import { openPostgres } from '../store/open-postgres'
import type { CloudFunction } from './define-function'
import { runTimer, timerNow } from './timer'
import { answerMessagePush } from './wechat-push'
import type { Platform } from '../platform/platform'
import { wechatContentCheck } from '../platform/wechat/content-check'
import { wechatDeletePhotos } from '../platform/wechat/delete-photos'
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
  deletePhotos: wechatDeletePhotos,
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

/** The event of a cloud function reached through 云开发 HTTP 访问服务 (an API-gateway integration request). */
type HttpAccessEvent = { httpMethod?: string; queryStringParameters?: Record<string, string>; body?: string; isBase64Encoded?: boolean }

/**
 * The deployed message-push receiver (function `wechatPush`): WeChat's 消息推送 URL points at the function's
 * HTTP access path; the same answer as the gateway's /api/wechat/message-push, signed with MESSAGE_PUSH_TOKEN.
 */
export function cloudPushMain(database: () => Promise<Database> | null = databaseFromEnvironment) {
  return async (event: HttpAccessEvent) => {
    const opened = database()
    if (!opened) {
      console.error('[wechatPush] DATABASE_URL is not configured')
      return { statusCode: 500, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'not configured', isBase64Encoded: false }
    }
    const raw = event.body ?? ''
    const answer = await answerMessagePush((await opened).db, process.env.MESSAGE_PUSH_TOKEN, {
      method: (event.httpMethod ?? 'GET').toUpperCase(),
      query: event.queryStringParameters ?? {},
      body: event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw,
    })
    return { statusCode: answer.status, headers: { 'content-type': answer.contentType }, body: answer.body, isBase64Encoded: false }
  }
}

/**
 * The deployed timer (function `timer`): WeChat's timer trigger calls it; "now" is the trigger's `Time`.
 * Any user of the mini-program could also call it by name (wx.cloud.callFunction): such a call carries the
 * caller's OPENID, which a trigger's never does, and is refused before anything runs.
 */
export function cloudTimerMain(database: () => Promise<Database> | null = databaseFromEnvironment) {
  return async (event: unknown) => {
    if (!isTimerTrigger(event, cloud.getWXContext().OPENID)) return errorEnvelope(new AppError('FORBIDDEN', '定时任务只由微信的定时触发器运行'))
    const opened = database()
    if (!opened) {
      console.error('[timer] DATABASE_URL is not configured')
      return { ok: false }
    }
    const report = await runTimer((await opened).db, WECHAT_PLATFORM, timerNow(event))
    console.log('[timer]', JSON.stringify(report))
    return { ok: true, data: report }
  }
}

/** A timer trigger's event ({ Type: 'Timer', TriggerName, Time }) with no user behind it. */
function isTimerTrigger(event: unknown, openid: string | undefined): boolean {
  return !openid && typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer'
}
