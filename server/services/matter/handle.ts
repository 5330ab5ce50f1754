import { eq } from 'drizzle-orm'
import type { MatterDetail } from '../../../src/core/contracts/matter'
import { AppError } from '../../../src/core/errors'
import type { MatterAssignee } from '../../../src/core/matter'
import { requireCleanText, type ContentCheck } from '../../platform/content-check'
import type { StartMediaCheck } from '../../platform/media-check'
import type { SendSubscribeMessage } from '../../platform/subscribe-message'
import type { Db } from '../../store/database'
import { matters } from '../../store/schema'
import { loadCaller } from '../shared/caller'
import { requestPhotoChecks } from '../shared/photo-checks'
import { refuseOthersPhotos } from '../shared/photo-folder'
import { lockMatter, matterPlace, recordStep, staffOver, takeStep } from './access'
import { notifyMatterStep } from './notify'
import { matterDetail } from './views'

type Platform = { contentCheck: ContentCheck; sendSubscribeMessage: SendSubscribeMessage; startMediaCheck: StartMediaCheck | null }
const DAY = 24 * 3600 * 1000

/** 交办: to a cadre of the village, or escalated to the street, with a due date `days` from now. */
export async function assignMatter(
  db: Db,
  openid: string,
  platform: Platform,
  input: { matterId: number; to: MatterAssignee; cadreOpenid?: string; days: number },
): Promise<MatterDetail> {
  const caller = await loadCaller(db, openid)
  const row = await lockMatter(db, input.matterId)
  const now = new Date()
  const dueAt = new Date(now.getTime() + input.days * DAY)
  const next = await takeStep(db, caller, row, { type: 'assign', to: input.to, dueAt }, now)
  let cadre: { openid: string; name: string } | null = null
  if (input.to === 'cadre') {
    cadre = (await staffOver(db, 'cadre', (await matterPlace(db, row)).villagePath)).find((c) => c.openid === input.cadreOpenid) ?? null
    if (!cadre) throw new AppError('INVALID_INPUT', '只能交办给本村的村干部')
  }
  const [updated] = await db
    .update(matters)
    .set({ status: next.state.status, assignee: input.to, assigneeOpenid: cadre?.openid ?? null, dueAt })
    .where(eq(matters.id, row.id))
    .returning()
  const note = cadre ? `交办给村干部 ${cadre.name}` : '上报街道办理'
  await recordStep(db, { matterId: row.id, kind: 'assign', actorOpenid: openid, note, details: { to: input.to, dueAt: dueAt.toISOString() } })
  await notifyMatterStep(db, platform.sendSubscribeMessage, updated, { kind: 'assign' })
  return matterDetail(db, row.id, caller)
}

/** 办理中: a progress note with photos for the resident. */
export async function reportProgress(db: Db, openid: string, platform: Platform, input: { matterId: number; note: string; photos: string[] }): Promise<MatterDetail> {
  const caller = await loadCaller(db, openid)
  refuseOthersPhotos(openid, input.photos)
  const row = await lockMatter(db, input.matterId)
  const next = await takeStep(db, caller, row, { type: 'progress' }, new Date())
  await requireCleanText(platform.contentCheck, input.note, openid)
  const [updated] = await db.update(matters).set({ status: next.state.status }).where(eq(matters.id, row.id)).returning()
  await recordStep(db, { matterId: row.id, kind: 'progress', actorOpenid: openid, note: input.note, photos: input.photos })
  if (platform.startMediaCheck) await requestPhotoChecks(db, platform.startMediaCheck, input.photos, openid)
  await notifyMatterStep(db, platform.sendSubscribeMessage, updated, { kind: 'progress' })
  return matterDetail(db, row.id, caller)
}

/** 延期: `days` more from the present due date (or from now, when it has passed), with the reason. */
export async function extendMatter(db: Db, openid: string, platform: Platform, input: { matterId: number; days: number; reason: string }): Promise<MatterDetail> {
  const caller = await loadCaller(db, openid)
  const row = await lockMatter(db, input.matterId)
  const now = new Date()
  const dueAt = new Date(Math.max(now.getTime(), row.dueAt?.getTime() ?? 0) + input.days * DAY)
  const next = await takeStep(db, caller, row, { type: 'extend', dueAt }, now)
  await requireCleanText(platform.contentCheck, input.reason, openid)
  const [updated] = await db.update(matters).set({ dueAt: next.state.dueAt }).where(eq(matters.id, row.id)).returning()
  await recordStep(db, { matterId: row.id, kind: 'extend', actorOpenid: openid, note: input.reason, details: { dueAt: dueAt.toISOString() } })
  await notifyMatterStep(db, platform.sendSubscribeMessage, updated, { kind: 'extend' })
  return matterDetail(db, row.id, caller)
}

/** 已反馈: the outcome written to the resident, who then rates it. */
export async function giveFeedback(db: Db, openid: string, platform: Platform, input: { matterId: number; outcome: string; photos: string[] }): Promise<MatterDetail> {
  const caller = await loadCaller(db, openid)
  refuseOthersPhotos(openid, input.photos)
  const row = await lockMatter(db, input.matterId)
  const now = new Date()
  const next = await takeStep(db, caller, row, { type: 'feedback' }, now)
  await requireCleanText(platform.contentCheck, input.outcome, openid)
  const [updated] = await db
    .update(matters)
    .set({ status: next.state.status, outcome: input.outcome, firstFeedbackAt: row.firstFeedbackAt ?? now })
    .where(eq(matters.id, row.id))
    .returning()
  await recordStep(db, { matterId: row.id, kind: 'feedback', actorOpenid: openid, note: input.outcome, photos: input.photos })
  if (platform.startMediaCheck) await requestPhotoChecks(db, platform.startMediaCheck, input.photos, openid)
  await notifyMatterStep(db, platform.sendSubscribeMessage, updated, { kind: 'feedback' })
  return matterDetail(db, row.id, caller)
}
