import { and, eq, inArray, isNull, lt, or } from 'drizzle-orm'
import { MEDIA_CHECK_RETRY_AFTER_MS, verdictOfSuggest, type PhotoCheck, type PhotoVerdict } from '../../../src/core/photo-check'
import type { StartMediaCheck } from '../../platform/media-check'
import { isFromWeChat, mediaCheckPushSchema } from '../../platform/wechat/message-push'
import type { Db } from '../../store/database'
import { photoChecks, photoDeletions } from '../../store/schema'

async function ask(db: Db, start: StartMediaCheck, fileId: string, openid: string, now: Date): Promise<void> {
  let traceId: string | null = null
  try {
    traceId = (await start({ fileId, openid })).traceId
  } catch (error) {
    // Not asked this time: the photo stays 照片审核中 and the retry asks again.
    console.error(`[photo-check] mediaCheckAsync failed for ${fileId}: ${error instanceof Error ? error.message : String(error)}`)
  }
  const [row] = await db.select({ attempts: photoChecks.attempts }).from(photoChecks).where(eq(photoChecks.fileId, fileId))
  await db
    .update(photoChecks)
    .set({ traceId, requestedAt: now, attempts: (row?.attempts ?? 0) + 1 })
    .where(and(eq(photoChecks.fileId, fileId), eq(photoChecks.verdict, 'checking')))
}

/** Every new photo others will see goes to WeChat's image check; a photo asked about before is not asked again. */
export async function requestPhotoChecks(db: Db, start: StartMediaCheck, fileIds: readonly string[], openid: string, now = new Date()): Promise<void> {
  for (const fileId of fileIds) {
    const inserted = await db.insert(photoChecks).values({ fileId, uploaderOpenid: openid }).onConflictDoNothing().returning({ fileId: photoChecks.fileId })
    if (inserted.length > 0) await ask(db, start, fileId, openid, now)
  }
}

export type PushOutcome = 'applied' | 'forged' | 'malformed' | 'already' | 'unknown'

/**
 * A wxa_media_check message push: only if signed with the message-push token and fresh; applied at
 * most once per trace id (a replay, or a trace id we never asked about, changes nothing).
 */
export async function receiveMediaCheckPush(
  db: Db,
  token: string,
  query: { signature?: string; timestamp?: string; nonce?: string },
  body: unknown,
  now = new Date(),
): Promise<PushOutcome> {
  if (!isFromWeChat(token, query, Math.floor(now.getTime() / 1000))) return 'forged'
  const parsed = mediaCheckPushSchema.safeParse(body)
  if (!parsed.success) return 'malformed'
  const push = parsed.data
  const updated = await db
    .update(photoChecks)
    .set({ verdict: verdictOfSuggest(push.result.suggest), decidedAt: now })
    .where(and(eq(photoChecks.traceId, push.trace_id), eq(photoChecks.verdict, 'checking')))
    .returning({ fileId: photoChecks.fileId })
  if (updated.length > 0) return 'applied'
  const [known] = await db.select({ fileId: photoChecks.fileId }).from(photoChecks).where(eq(photoChecks.traceId, push.trace_id))
  return known ? 'already' : 'unknown'
}

/** Photos whose answer never came (or that could not be asked about): asked again, under a new trace id. Returns how many. */
export async function retryPhotoChecks(db: Db, start: StartMediaCheck, now = new Date()): Promise<number> {
  const stale = await db
    .select({ fileId: photoChecks.fileId, openid: photoChecks.uploaderOpenid })
    .from(photoChecks)
    .where(
      and(
        eq(photoChecks.verdict, 'checking'),
        or(isNull(photoChecks.traceId), isNull(photoChecks.requestedAt), lt(photoChecks.requestedAt, new Date(now.getTime() - MEDIA_CHECK_RETRY_AFTER_MS))),
      ),
    )
  for (const row of stale) await ask(db, start, row.fileId, row.openid, now)
  return stale.length
}

/**
 * What is known of each photo among these: its check (verdict and uploader) and whether the retention
 * deleted it. Photos never checked nor deleted are absent.
 */
export async function photoChecksOf(db: Db, fileIds: readonly string[]): Promise<Map<string, PhotoCheck>> {
  if (fileIds.length === 0) return new Map()
  const ids = [...new Set(fileIds)]
  const rows = await db
    .select({ fileId: photoChecks.fileId, verdict: photoChecks.verdict, uploaderOpenid: photoChecks.uploaderOpenid })
    .from(photoChecks)
    .where(inArray(photoChecks.fileId, ids))
  const deleted = new Set((await db.select({ fileId: photoDeletions.fileId }).from(photoDeletions).where(inArray(photoDeletions.fileId, ids))).map((r) => r.fileId))
  const known = new Map<string, PhotoCheck>(rows.map((r) => [r.fileId, { verdict: r.verdict as PhotoVerdict, uploaderOpenid: r.uploaderOpenid, deleted: deleted.has(r.fileId) }]))
  for (const fileId of deleted) if (!known.has(fileId)) known.set(fileId, { verdict: null, uploaderOpenid: null, deleted: true })
  return known
}

