import * as cloud from 'wx-server-sdk'
import type { ContentCheck } from '../content-check'

const RISKY_CONTENT = 87014

/**
 * WeChat's text security check (security.msgSecCheck, version 2). The function's config.json must
 * grant it under permissions.openapi. "review" is treated as risky: these texts go public.
 */
export const wechatContentCheck: ContentCheck = async (text, openid) => {
  try {
    const answer = (await cloud.openapi.security.msgSecCheck({ content: text, version: 2, scene: 2, openid })) as {
      result?: { suggest?: string }
    }
    return answer.result?.suggest === 'pass' ? 'pass' : 'risky'
  } catch (error) {
    if ((error as { errCode?: number }).errCode === RISKY_CONTENT) return 'risky'
    throw error
  }
}
