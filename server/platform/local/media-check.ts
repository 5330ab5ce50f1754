import { randomBytes } from 'node:crypto'
import type { StartMediaCheck } from '../media-check'

export type LocalMediaPush = { traceId: string; fileId: string; suggest: 'pass' | 'risky' | 'review' }

/**
 * The local stand-in for security.mediaCheckAsync: answers a trace id at once and, after `delayMs`,
 * hands WeChat's verdict (by default pass; `verdictOf` decides per file) to `deliver`, as WeChat's
 * message push would. Tests deliver by hand through the verified push handler.
 */
export function localMediaCheck(options: {
  delayMs: number
  deliver: (push: LocalMediaPush) => void | Promise<void>
  verdictOf?: (fileId: string) => LocalMediaPush['suggest']
}): StartMediaCheck {
  return async ({ fileId }) => {
    const traceId = `local-${randomBytes(8).toString('hex')}`
    const suggest = options.verdictOf?.(fileId) ?? 'pass'
    setTimeout(() => void Promise.resolve(options.deliver({ traceId, fileId, suggest })).catch(() => undefined), options.delayMs).unref?.()
    return { traceId }
  }
}
