/**
 * Asks WeChat to check an uploaded image (security.mediaCheckAsync, version 2). The answer is not
 * returned: it arrives later as a wxa_media_check message push carrying the trace id returned here.
 */
export type StartMediaCheck = (input: { fileId: string; openid: string }) => Promise<{ traceId: string }>

/**
 * The local gateway has no WeChat behind it: photos are not checked there (as text is not), so
 * they show as before. Tests give the platform the local stand-in (local/media-check.ts) instead.
 */
export const SKIP_MEDIA_CHECK = null
