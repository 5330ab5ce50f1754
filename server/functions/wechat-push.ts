import { errorEnvelope } from '../../src/core/contracts/envelope'
import { AppError } from '../../src/core/errors'
import { isFromWeChat } from '../platform/wechat/message-push'
import { receiveMediaCheckPush } from '../services/shared/photo-checks'
import type { Db } from '../store/database'

/** One HTTP request to the message-push endpoint, as the gateway or the cloud's HTTP access hands it over. */
export type PushRequest = { method: string; query: Record<string, string | undefined>; body: string }

/** What WeChat gets back: `success` (plain text) when the push is taken, an error envelope otherwise. */
export type PushAnswer = { status: number; contentType: string; body: string }

const plain = (status: number, body: string): PushAnswer => ({ status, contentType: 'text/plain; charset=utf-8', body })
const refusal = (status: number, error: AppError): PushAnswer => ({
  status,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify(errorEnvelope(error)),
})

/**
 * WeChat's message push (消息推送, plaintext mode, JSON): the GET with `echostr` that checks the URL
 * when the operator saves it, and the POSTed `wxa_media_check` events. Nothing is believed unless
 * signed with MESSAGE_PUSH_TOKEN and fresh; without a token every request is refused. A push taken
 * (applied now, or already, or about a trace id never asked) is answered `success` so WeChat stops
 * sending it; a forged or stale one is 403, a malformed one 400, and neither writes anything.
 */
export async function answerMessagePush(db: Db, token: string | undefined, request: PushRequest, now = new Date()): Promise<PushAnswer> {
  if (!token) {
    console.error('[wechatPush] MESSAGE_PUSH_TOKEN is not configured: every push is refused')
    return refusal(503, new AppError('INTERNAL', '消息推送还没有配置 Token'))
  }
  const nowSeconds = Math.floor(now.getTime() / 1000)
  if (request.method === 'GET') {
    const echo = request.query.echostr
    if (!echo || !isFromWeChat(token, request.query, nowSeconds)) return refusal(403, new AppError('FORBIDDEN', '签名不对，不是微信发来的'))
    return plain(200, echo)
  }
  if (request.method !== 'POST') return refusal(404, new AppError('NOT_FOUND', '请用 POST 推送消息'))
  const outcome = await receiveMediaCheckPush(db, token, request.query, parsedOrUndefined(request.body), now)
  if (outcome === 'forged') return refusal(403, new AppError('FORBIDDEN', '签名不对或已过期，不是微信刚发来的'))
  if (outcome === 'malformed') return refusal(400, new AppError('INVALID_INPUT', '推送的内容不是图片检测结果'))
  return plain(200, 'success')
}

function parsedOrUndefined(body: string): unknown {
  try {
    return JSON.parse(body)
  } catch {
    return undefined
  }
}
