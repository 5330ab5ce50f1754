import { eq } from 'drizzle-orm'
import type { BulletinView } from '../../../src/core/contracts/notice'
import { AppError } from '../../../src/core/errors'
import type { ResolveGroupTicket } from '../../platform/group-ticket'
import type { Db } from '../../store/database'
import { bulletins, wechatGroups } from '../../store/schema'
import { loadCaller } from '../shared/caller'
import { requireVillageReader } from './access'
import { bulletinView } from './notices'

/**
 * A 通报 card opened from a WeChat group. The group's cloudID is resolved by the platform (never
 * trusted from the client). A group already recorded for another village shows nothing; otherwise a
 * reader of the bulletin's village records the group as one of the village's channels.
 */
export async function openBulletinFromGroup(
  db: Db,
  openid: string,
  resolve: ResolveGroupTicket,
  input: { bulletinId: number; cloudId: string },
): Promise<BulletinView> {
  const caller = await loadCaller(db, openid)
  const [bulletin] = await db.select().from(bulletins).where(eq(bulletins.id, input.bulletinId))
  if (!bulletin) throw new AppError('NOT_FOUND', '没有找到这期通报')
  const openGId = await resolve(input.cloudId)
  const [known] = await db.select().from(wechatGroups).where(eq(wechatGroups.openGId, openGId))
  if (known && known.villageId !== bulletin.villageId) throw new AppError('FOREIGN_GROUP')
  await requireVillageReader(db, caller, bulletin.villageId)
  if (!known) await db.insert(wechatGroups).values({ openGId, villageId: bulletin.villageId, recordedBy: openid })
  return bulletinView(db, caller, bulletin.id)
}
