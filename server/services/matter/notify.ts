import { eq } from 'drizzle-orm'
import type { SendSubscribeMessage } from '../../platform/subscribe-message'
import type { Db } from '../../store/database'
import { matterSeconds } from '../../store/schema'
import { notifyHousehold, notifyPeople, type Notification } from '../shared/notifications'
import { matterPlace, staffOver, type MatterRow } from './access'

/** What happened, as the people concerned are told. */
export type MatterNews =
  | { kind: 'raise' | 'accept' | 'merge' | 'progress' | 'extend' | 'feedback' | 'assign' | 'reopen' }
  | { kind: 'decline'; reason: string }
  | { kind: 'rate'; ratingLabel: string }

const TO_RESIDENT: Partial<Record<MatterNews['kind'], string>> = {
  accept: '您提的事已受理',
  merge: '您提的事已合并到同一件事里办理',
  decline: '您提的事不予受理',
  assign: '您提的事已交办',
  progress: '您提的事有新进展',
  extend: '您提的事办理期限延长了',
  feedback: '您提的事有办理结果了',
}

/** The micro-grid's leaders, or the village's cadres when the micro-grid has none. */
async function assessors(db: Db, row: MatterRow): Promise<string[]> {
  const place = await matterPlace(db, row)
  const leaders = place.microGridPath ? await staffOver(db, 'grid_leader', place.microGridPath) : []
  const people = leaders.length > 0 ? leaders : await staffOver(db, 'cadre', place.villagePath)
  return people.map((p) => p.openid)
}

/** Who handles it now: the cadre it was given to, or the street's admins. */
async function handlers(db: Db, row: MatterRow): Promise<string[]> {
  if (row.assignee === 'cadre' && row.assigneeOpenid) return [row.assigneeOpenid]
  if (row.assignee === 'street') return (await staffOver(db, 'admin', (await matterPlace(db, row)).villagePath)).map((p) => p.openid)
  return []
}

/**
 * Tells the people concerned by a step (in-app, and by subscribe message where granted): the
 * micro-grid's leader of a new matter, the resident of each step taken for them (and the 我也遇到
 * households of the result), the handler of an assignment and of the resident's rating.
 */
export async function notifyMatterStep(db: Db, send: SendSubscribeMessage, row: MatterRow, news: MatterNews): Promise<void> {
  const item = Array.from(row.text).slice(0, 20).join('')
  const note = (title: string, body: string): Notification => ({ title, body, page: `matters/detail/index?id=${row.id}`, item })
  const resident = TO_RESIDENT[news.kind]
  if (resident) {
    const body = news.kind === 'decline' ? `“${item}”：${news.reason}` : news.kind === 'feedback' ? `“${item}”：${row.outcome}。请看看是否满意。` : `“${item}”`
    await notifyHousehold(db, send, row.householdId, note(resident, body))
  }
  if (news.kind === 'raise') await notifyPeople(db, send, await assessors(db, row), note('连心议站有新的议事', `“${item}”，请研判`))
  if (news.kind === 'assign') await notifyPeople(db, send, await handlers(db, row), note('有一件议事交办给您', `“${item}”，请按期办理`))
  if (news.kind === 'feedback') {
    const seconds = await db.select({ householdId: matterSeconds.householdId }).from(matterSeconds).where(eq(matterSeconds.matterId, row.id))
    for (const { householdId } of seconds) await notifyHousehold(db, send, householdId, note('您也遇到的事有办理结果了', `“${item}”：${row.outcome}`))
  }
  if (news.kind === 'rate' || news.kind === 'reopen') {
    const title = news.kind === 'rate' ? `居民评价：${news.ratingLabel}` : '居民不满意，这件事重新办理'
    await notifyPeople(db, send, [...(await handlers(db, row)), ...(await assessors(db, row))], note(title, `“${item}”`))
  }
}
