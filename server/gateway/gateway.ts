import type { IncomingMessage, ServerResponse } from 'node:http'
import { errorEnvelope } from '../../src/core/contracts/envelope'
import { AppError } from '../../src/core/errors'
import type { CloudFunction } from '../functions/define-function'
import type { Platform } from '../platform/platform'
import type { Db } from '../store/database'
import { BACKUP_ROUTE, serveBackup, type BackupAccess } from './backup-route'
import { readPhoto, savePhoto } from '../platform/local/photos'
import { sendEnvelope, sendJson } from './respond'
import { createStaticFiles } from './static-files'
import { MAX_PHOTO_BYTES } from '../../src/core/photo'
import { localDay } from '../../src/core/period'
import { findCaller } from '../services/shared/caller'
import { foreignRequest } from './same-origin'
import { answerMessagePush } from '../functions/wechat-push'

export type GatewayOptions = {
  db: Db
  functions: Record<string, CloudFunction>
  platform: Platform
  /** Demo mode trusts the X-Dev-OpenId header as the caller's identity. Off: no caller at all. */
  demoMode: boolean
  /** Demo identities offered by the H5 role switcher (demo mode only). */
  demoIdentities: readonly { openid: string; label: string }[]
  /** The built H5 app to serve, if any. */
  staticDir?: string
  /** Where uploaded photos are kept (the local stand-in for cloud storage). */
  photoDir?: string
  /** `POST /api/admin/backup` for `npm run db:backup` (embedded PGlite only). */
  backup?: BackupAccess
  /**
   * The Host values served (servedHosts): another Host, or a POST from another Origin, is refused.
   * Unset only in tests that build a gateway in-process; `npm start` always sets it.
   */
  hosts?: readonly string[]
  /** MESSAGE_PUSH_TOKEN, the token typed in WeChat's 消息推送 settings; without it every push is refused. */
  messagePushToken?: string
}

/** Handles one request; resolves when its work is done, answered or not (a clean stop waits for it). */
export type Gateway = (req: IncomingMessage, res: ServerResponse) => Promise<void>

const MAX_BODY_BYTES = 1024 * 1024
const FUNCTION_ROUTE = /^\/api\/functions\/([^/?#]+)$/
const PHOTO_ROUTE = /^\/api\/photos\/([^/?#]+)$/
/** Where WeChat's message push (消息推送) is sent: the URL typed in the console. */
export const MESSAGE_PUSH_ROUTE = '/api/wechat/message-push'
/** A wxa_media_check push is a few hundred bytes. */
const MAX_PUSH_BYTES = 64 * 1024
/** Photos one person may upload in a day (a grid leader's inspection round is a few dozen). */
export const PHOTOS_PER_DAY = 200

/**
 * The local gateway: `POST /api/functions/<name>` runs the same handler a cloud function runs,
 * with the JSON body as the event; everything else is the H5 app. Nothing one request does (a bad
 * URL, a client that goes away, a file that vanishes, a handler that throws) reaches the process:
 * the request gets a 5xx answer, or its connection is dropped when an answer had already begun.
 */
export function createGateway(options: GatewayOptions): Gateway {
  const staticFiles = options.staticDir ? createStaticFiles(options.staticDir) : undefined
  const uploads = new UploadQuota()
  const route = async (req: IncomingMessage, res: ServerResponse) => {
    const foreign = options.hosts ? foreignRequest(req, options.hosts) : null
    if (foreign) return sendJson(res, 403, errorEnvelope(new AppError('FORBIDDEN', foreign)))
    const url = new URL(req.url ?? '/', 'http://localhost')
    const call = FUNCTION_ROUTE.exec(url.pathname)
    if (call) return handleFunctionCall(options, call[1], req, res)
    const photo = PHOTO_ROUTE.exec(url.pathname)
    if (photo && options.photoDir) return servePhoto(options.photoDir, photo[1], res)
    if (url.pathname === '/api/photos' && req.method === 'POST' && options.photoDir) {
      return handleUpload(options, options.photoDir, uploads, req, res)
    }
    if (url.pathname === MESSAGE_PUSH_ROUTE) return handleMessagePush(options, url, req, res)
    if (url.pathname === '/api/demo/identities' && options.demoMode) {
      return sendJson(res, 200, { ok: true, data: options.demoIdentities })
    }
    if (url.pathname === BACKUP_ROUTE && options.backup) return serveBackup(options.backup, req, res)
    if (url.pathname.startsWith('/api/')) return sendEnvelope(res, errorEnvelope(new AppError('NOT_FOUND', '没有这个接口')))
    const miss = staticFiles ? await staticFiles(req, res, url.pathname) : 'not-found'
    if (miss === 'unavailable') {
      return sendJson(res, 503, errorEnvelope(new AppError('INTERNAL', '应用正在更新，请过几秒刷新页面')), { 'retry-after': '3' })
    }
    if (miss === 'not-found') sendJson(res, 404, errorEnvelope(new AppError('NOT_FOUND')))
  }
  return async (req, res) => {
    try {
      // Every answer, photos and the app's files included: the browser takes the content type as given.
      res.setHeader('x-content-type-options', 'nosniff')
      await route(req, res)
    } catch (error) {
      console.error('[gateway] request failed', req.method, req.url, error)
      if (res.headersSent) res.destroy()
      else sendJson(res, 500, errorEnvelope(new AppError('INTERNAL')))
    }
  }
}

async function handleFunctionCall(options: GatewayOptions, encodedName: string, req: IncomingMessage, res: ServerResponse) {
  try {
    if (req.method !== 'POST') return sendEnvelope(res, errorEnvelope(new AppError('NOT_FOUND', '请用 POST 调用云函数')))
    const name = decodeName(encodedName)
    const fn = Object.hasOwn(options.functions, name) ? options.functions[name] : undefined
    if (!fn) return sendEnvelope(res, errorEnvelope(new AppError('NOT_FOUND', `没有“${name}”这个云函数`)))
    const event = parseJson((await readBody(req, MAX_BODY_BYTES)).toString('utf8'))
    const openid = options.demoMode ? demoOpenid(req) : null
    sendEnvelope(res, await fn.invoke({ db: options.db, openid, event, platform: options.platform }))
  } catch (error) {
    if (error instanceof AppError) return sendEnvelope(res, errorEnvelope(error))
    console.error('[gateway] unexpected failure', error)
    sendEnvelope(res, errorEnvelope(new AppError('INTERNAL')))
  }
}

/** WeChat's message push: the URL check (GET) and the pushes (POST), answered as WeChat expects. */
async function handleMessagePush(options: GatewayOptions, url: URL, req: IncomingMessage, res: ServerResponse) {
  let body = ''
  try {
    if (req.method === 'POST') body = (await readBody(req, MAX_PUSH_BYTES)).toString('utf8')
  } catch (error) {
    if (error instanceof AppError) return sendEnvelope(res, errorEnvelope(error))
    throw error
  }
  const answer = await answerMessagePush(options.db, options.messagePushToken, {
    method: req.method ?? 'GET',
    query: Object.fromEntries(url.searchParams),
    body,
  })
  res.writeHead(answer.status, { 'content-type': answer.contentType, 'cache-control': 'no-store' })
  res.end(answer.body)
}

function decodeName(encoded: string): string {
  try {
    return decodeURIComponent(encoded)
  } catch {
    throw new AppError('NOT_FOUND', '没有这个云函数')
  }
}

function demoOpenid(req: IncomingMessage): string | null {
  const value = req.headers['x-dev-openid']
  return typeof value === 'string' && value.length > 0 && value.length <= 64 ? value : null
}

/** Reads the body; one over the limit is drained and refused, so the client still gets an answer. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) chunks.push(chunk)
    })
    req.on('end', () =>
      size > limit ? reject(new AppError('INVALID_INPUT', '提交的内容太大了')) : resolve(Buffer.concat(chunks)),
    )
    // The client went away before the whole body came: nothing to run (and no one to answer).
    const cutOff = () => reject(new AppError('INVALID_INPUT', '提交的内容没有传完'))
    req.on('error', cutOff)
    req.on('close', () => {
      if (!req.complete) cutOff()
    })
  })
}

/**
 * `POST /api/photos` with the image bytes as the body: answers `{ fileId }` like a cloud upload.
 * Only someone the village knows (bound to a household or a merchant, or holding a staff role) may upload, and
 * at most PHOTOS_PER_DAY a day: a passer-by cannot fill the disk.
 */
async function handleUpload(options: GatewayOptions, folder: string, quota: UploadQuota, req: IncomingMessage, res: ServerResponse) {
  try {
    const openid = options.demoMode ? demoOpenid(req) : null
    if (!openid) throw new AppError('UNAUTHENTICATED')
    const caller = await findCaller(options.db, openid)
    if (!caller || (!caller.householdId && !caller.merchantId && caller.grants.length === 0)) {
      throw new AppError('NOT_REGISTERED', '绑定了家庭、店铺或工作人员身份后才能上传照片')
    }
    quota.take(openid)
    const bytes = await readBody(req, MAX_PHOTO_BYTES + 1)
    sendEnvelope(res, { ok: true, data: await savePhoto(folder, bytes) })
  } catch (error) {
    sendEnvelope(res, errorEnvelope(error instanceof AppError ? error : new AppError('INTERNAL')))
  }
}

/** Uploads per person per day (China's day), counted by this gateway process. */
class UploadQuota {
  private day = ''
  private counts = new Map<string, number>()

  take(openid: string): void {
    const today = localDay(new Date())
    if (today !== this.day) {
      this.day = today
      this.counts.clear()
    }
    const used = this.counts.get(openid) ?? 0
    if (used >= PHOTOS_PER_DAY) throw new AppError('LIMIT_REACHED', `今天已经上传了 ${PHOTOS_PER_DAY} 张照片，请明天再传`)
    this.counts.set(openid, used + 1)
  }
}

async function servePhoto(folder: string, name: string, res: ServerResponse) {
  const photo = await readPhoto(folder, name)
  if (!photo) return sendJson(res, 404, errorEnvelope(new AppError('NOT_FOUND', '没有这张照片')))
  res.writeHead(200, { 'content-type': photo.contentType, 'cache-control': 'private, max-age=86400' })
  res.end(photo.bytes)
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body)
  } catch {
    throw new AppError('INVALID_INPUT', '提交的内容不是有效的 JSON')
  }
}
