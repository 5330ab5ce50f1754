import { eq } from 'drizzle-orm'
import type { MatterDetail } from '../../../src/core/contracts/matter'
import { MATTER_RATING_LABELS, type MatterRating } from '../../../src/core/matter'
import { requireCleanText, type ContentCheck } from '../../platform/content-check'
import type { SendSubscribeMessage } from '../../platform/subscribe-message'
import type { Db } from '../../store/database'
import { matters } from '../../store/schema'
import { loadCaller } from '../shared/caller'
import { lockMatter, recordStep, takeStep } from './access'
import { notifyMatterStep } from './notify'
import { matterDetail } from './views'

/** 评价: the raiser's household rates the outcome; the first 不满意 sends it back to 办理中, once. */
export async function rateMatter(
  db: Db,
  openid: string,
  platform: { contentCheck: ContentCheck; sendSubscribeMessage: SendSubscribeMessage },
  input: { matterId: number; rating: MatterRating; comment: string },
): Promise<MatterDetail> {
  const caller = await loadCaller(db, openid)
  const row = await lockMatter(db, input.matterId)
  const now = new Date()
  const next = await takeStep(db, caller, row, { type: 'rate', rating: input.rating }, now)
  await requireCleanText(platform.contentCheck, input.comment, openid)
  const { status, reopened, rating } = next.state
  const [updated] = await db
    .update(matters)
    .set({ status, reopened, rating, closedAt: next.reopens ? null : now })
    .where(eq(matters.id, row.id))
    .returning()
  const label = MATTER_RATING_LABELS[input.rating]
  await recordStep(db, { matterId: row.id, kind: 'rate', actorOpenid: openid, note: input.comment ? `${label}：${input.comment}` : label, details: { rating: input.rating } })
  if (next.reopens) await recordStep(db, { matterId: row.id, kind: 'reopen', actorOpenid: openid, note: '不满意，重新办理' })
  await notifyMatterStep(db, platform.sendSubscribeMessage, updated, next.reopens ? { kind: 'reopen' } : { kind: 'rate', ratingLabel: label })
  return matterDetail(db, row.id, caller)
}
