import { eq } from 'drizzle-orm'
import type { MatterDetail } from '../../../src/core/contracts/matter'
import { AppError } from '../../../src/core/errors'
import { isMatterClosed, type MatterStatus } from '../../../src/core/matter'
import { requireCleanText, type ContentCheck } from '../../platform/content-check'
import type { SendSubscribeMessage } from '../../platform/subscribe-message'
import type { Db } from '../../store/database'
import { matters } from '../../store/schema'
import { loadCaller } from '../shared/caller'
import { lockMatter, recordStep, takeStep } from './access'
import { notifyMatterStep } from './notify'
import { matterDetail } from './views'
import { carrySecond } from './raise'

type Platform = { contentCheck: ContentCheck; sendSubscribeMessage: SendSubscribeMessage }

/** 研判 · 受理: the micro-grid's leader (or a cadre) takes the matter on; it waits to be assigned. */
export async function acceptMatter(db: Db, openid: string, platform: Platform, input: { matterId: number; note: string }): Promise<MatterDetail> {
  const caller = await loadCaller(db, openid)
  const row = await lockMatter(db, input.matterId)
  const next = await takeStep(db, caller, row, { type: 'accept' }, new Date())
  await requireCleanText(platform.contentCheck, input.note, openid)
  const [updated] = await db.update(matters).set({ status: next.state.status }).where(eq(matters.id, row.id)).returning()
  await recordStep(db, { matterId: row.id, kind: 'accept', actorOpenid: openid, note: input.note })
  await notifyMatterStep(db, platform.sendSubscribeMessage, updated, { kind: 'accept' })
  return matterDetail(db, row.id, caller)
}

/** 研判 · 合并: the same thing was raised before; this one joins it and its household counts as 我也遇到 there. */
export async function mergeMatter(db: Db, openid: string, platform: Platform, input: { matterId: number; intoId: number }): Promise<MatterDetail> {
  const caller = await loadCaller(db, openid)
  if (input.intoId === input.matterId) throw new AppError('INVALID_INPUT', '不能合并到它自己')
  // Lock in id order, so two merges of a pair the other way round cannot deadlock.
  const [first, second] = [input.matterId, input.intoId].sort((a, b) => a - b)
  const locked = new Map([[first, await lockMatter(db, first)], [second, await lockMatter(db, second)]])
  const row = locked.get(input.matterId)!
  const into = locked.get(input.intoId)!
  const now = new Date()
  const next = await takeStep(db, caller, row, { type: 'merge' }, now)
  if (into.villageId !== row.villageId) throw new AppError('FORBIDDEN', '只能合并到本村的事')
  if (isMatterClosed(into.status as MatterStatus)) throw new AppError('MATTER_STATE', '要合并到的那件事已经办结了，请选一件还在办的')
  const [updated] = await db.update(matters).set({ status: next.state.status, mergedIntoId: into.id, closedAt: now }).where(eq(matters.id, row.id)).returning()
  await carrySecond(db, row, into.id)
  await recordStep(db, { matterId: row.id, kind: 'merge', actorOpenid: openid, note: `合并到第 ${into.id} 号：${into.text}`, details: { intoId: into.id } })
  await notifyMatterStep(db, platform.sendSubscribeMessage, updated, { kind: 'merge' })
  return matterDetail(db, row.id, caller)
}

/** 研判 · 不予受理, with the reason the resident reads. */
export async function declineMatter(db: Db, openid: string, platform: Platform, input: { matterId: number; reason: string }): Promise<MatterDetail> {
  const caller = await loadCaller(db, openid)
  const row = await lockMatter(db, input.matterId)
  const now = new Date()
  const next = await takeStep(db, caller, row, { type: 'decline' }, now)
  await requireCleanText(platform.contentCheck, input.reason, openid)
  const [updated] = await db.update(matters).set({ status: next.state.status, closedAt: now }).where(eq(matters.id, row.id)).returning()
  await recordStep(db, { matterId: row.id, kind: 'decline', actorOpenid: openid, note: input.reason })
  await notifyMatterStep(db, platform.sendSubscribeMessage, updated, { kind: 'decline', reason: input.reason })
  return matterDetail(db, row.id, caller)
}
