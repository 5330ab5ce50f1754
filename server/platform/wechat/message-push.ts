import { createHash, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'

/** How far a push's timestamp may be from now: older ones are replays. */
export const PUSH_MAX_AGE_SECONDS = 5 * 60

/**
 * Whether a message push (or the server check) came from WeChat: signature = sha1 of token,
 * timestamp and nonce sorted and joined (消息推送 → 验证消息的确来自微信服务器), with a fresh timestamp.
 */
export function isFromWeChat(token: string, query: { signature?: string; timestamp?: string; nonce?: string }, nowSeconds: number): boolean {
  const { signature, timestamp, nonce } = query
  if (!token || !signature || !timestamp || !nonce || !/^\d+$/.test(timestamp)) return false
  if (Math.abs(nowSeconds - Number(timestamp)) > PUSH_MAX_AGE_SECONDS) return false
  const expected = Buffer.from(createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex'))
  const given = Buffer.from(signature.toLowerCase())
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/** Signs a push as WeChat would (the local stand-in and tests). */
export function signPush(token: string, timestamp: string, nonce: string): string {
  return createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex')
}

/**
 * The wxa_media_check event WeChat pushes (message push, JSON): trace_id matches the request, and
 * result.suggest is pass / risky / review.
 */
export const mediaCheckPushSchema = z.object({
  MsgType: z.literal('event'),
  Event: z.literal('wxa_media_check'),
  CreateTime: z.number().int(),
  trace_id: z.string().min(1).max(128),
  result: z.object({ suggest: z.enum(['pass', 'risky', 'review']) }),
})

export type MediaCheckPush = z.infer<typeof mediaCheckPushSchema>
