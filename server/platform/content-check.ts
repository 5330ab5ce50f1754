import { AppError } from '../../src/core/errors'

/** The platform's verdict on text a villager wrote. */
export type ContentVerdict = 'pass' | 'risky' | 'skipped'
export type ContentCheck = (text: string, openid: string) => Promise<ContentVerdict>

/** The local gateway has no WeChat content-security service: it skips the check and says so. */
export const skipContentCheck: ContentCheck = async (text) => {
  console.log(`[content-check] skipped on the local gateway (${Array.from(text).length} characters)`)
  return 'skipped'
}

/** Refuses text the platform finds risky; an empty text needs no check. */
export async function requireCleanText(check: ContentCheck, text: string | undefined, openid: string): Promise<void> {
  if (!text || text.trim() === '') return
  if ((await check(text, openid)) === 'risky') throw new AppError('CONTENT_REFUSED')
}
