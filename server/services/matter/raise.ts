import { eq } from 'drizzle-orm'
import type { MatterDetail } from '../../../src/core/contracts/matter'
import { AppError } from '../../../src/core/errors'
import { isMatterClosed, type MatterStatus } from '../../../src/core/matter'
import { requireCleanText, type ContentCheck } from '../../platform/content-check'
import type { StartMediaCheck } from '../../platform/media-check'
import type { SendSubscribeMessage } from '../../platform/subscribe-message'
import type { Db } from '../../store/database'
import { households, matterSeconds, matters } from '../../store/schema'
import { loadCaller, type Caller } from '../shared/caller'
import { requestPhotoChecks } from '../shared/photo-checks'
import { refuseOthersPhotos } from '../shared/photo-folder'
import { lockMatter, recordStep } from './access'
import { notifyMatterStep } from './notify'
import { matterDetail } from './views'

async function requireVillager(db: Db, caller: Caller, what: string) {
  if (!caller.householdId) throw new AppError('FORBIDDEN', `绑定了农户的村民才能${what}`)
  const [household] = await db.select().from(households).where(eq(households.id, caller.householdId))
  return household
}

/** 我要议事: a bound villager raises a problem or proposal; it lands in their micro-grid's 议站. */
export async function raiseMatter(
  db: Db,
  openid: string,
  platform: { contentCheck: ContentCheck; sendSubscribeMessage: SendSubscribeMessage; startMediaCheck: StartMediaCheck | null },
  input: { text: string; place: string; photos: string[]; showName: boolean },
): Promise<MatterDetail> {
  const caller = await loadCaller(db, openid)
  refuseOthersPhotos(openid, input.photos)
  const household = await requireVillager(db, caller, '提议事')
  await requireCleanText(platform.contentCheck, `${input.text}\n${input.place}`, openid)
  const [row] = await db
    .insert(matters)
    .values({
      villageId: household.villageId,
      microGridId: household.microGridId,
      householdId: household.id,
      raisedBy: openid,
      text: input.text,
      place: input.place,
      photos: input.photos,
      showName: input.showName,
      status: 'collected',
    })
    .returning()
  await recordStep(db, { matterId: row.id, kind: 'raise', actorOpenid: openid, note: input.text, photos: input.photos })
  // The board is public: its photos go to WeChat's image check and show as 照片审核中 until it answers.
  if (platform.startMediaCheck) await requestPhotoChecks(db, platform.startMediaCheck, input.photos, openid)
  await notifyMatterStep(db, platform.sendSubscribeMessage, row, { kind: 'raise' })
  return matterDetail(db, row.id, caller)
}

/** 我也遇到: a household of the same village says it has the same problem, once, instead of raising it again. */
export async function secondMatter(db: Db, openid: string, input: { matterId: number }): Promise<MatterDetail> {
  const caller = await loadCaller(db, openid)
  const household = await requireVillager(db, caller, '点“我也遇到”')
  const row = await lockMatter(db, input.matterId)
  if (row.villageId !== household.villageId) throw new AppError('FORBIDDEN', '只有本村的村民可以点“我也遇到”')
  if (row.householdId === household.id) throw new AppError('MATTER_STATE', '这是您家提的事，不用再点“我也遇到”')
  if (isMatterClosed(row.status as MatterStatus)) throw new AppError('MATTER_STATE', '这件事已经办结了')
  await db.insert(matterSeconds).values({ matterId: row.id, householdId: household.id, openid }).onConflictDoNothing()
  return matterDetail(db, row.id, caller)
}

/** Merging a matter counts its household as one more 我也遇到 of the matter it joins. */
export async function carrySecond(db: Db, from: { householdId: string; raisedBy: string }, intoId: number): Promise<void> {
  const [into] = await db.select({ householdId: matters.householdId }).from(matters).where(eq(matters.id, intoId))
  if (into.householdId === from.householdId) return
  await db.insert(matterSeconds).values({ matterId: intoId, householdId: from.householdId, openid: from.raisedBy }).onConflictDoNothing()
}
