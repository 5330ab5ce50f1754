import { and, count, desc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm'
import type { MessageView } from '../../../src/core/contracts/notice'
import { formatLocalTime } from '../../../src/core/period'
import type { Notification } from '../../../src/core/reminders'
import type { SendSubscribeMessage } from '../../platform/subscribe-message'
import type { Db } from '../../store/database'
import { householdMembers, messages, subscriptionGrants } from '../../store/schema'

export type { Notification }

/**
 * Tells every bound member of a household: always in the in-app message list, and by a WeChat
 * subscribe message when the member has a grant left (each grant is good for one message).
 */
export async function notifyHousehold(db: Db, send: SendSubscribeMessage, householdId: string, note: Notification): Promise<void> {
  await notifyHouseholds(db, send, [{ householdId, note }])
}

/** notifyHousehold for several households at once (each its own note), in a fixed number of statements. */
export async function notifyHouseholds(db: Db, send: SendSubscribeMessage, notes: readonly { householdId: string; note: Notification }[]): Promise<void> {
  if (notes.length === 0) return
  const members = await db
    .select({ openid: householdMembers.openid, householdId: householdMembers.householdId })
    .from(householdMembers)
    .where(and(inArray(householdMembers.householdId, notes.map((n) => n.householdId)), isNull(householdMembers.unboundAt)))
  await deliver(db, send, notes.flatMap(({ householdId, note }) => members.filter((m) => m.householdId === householdId).map((m) => ({ openid: m.openid, note }))))
}

/** Tells each of these people (once each), the same two ways as notifyHousehold. */
export async function notifyPeople(db: Db, send: SendSubscribeMessage, openids: readonly string[], note: Notification): Promise<void> {
  await deliver(db, send, [...new Set(openids)].map((openid) => ({ openid, note })))
}

/**
 * One letter a person (an openid appears once: a WeChat user is bound to one household): a grant
 * is used for each person who has one left (one UPDATE), the subscribe messages are sent, and every
 * letter lands in the message list (one INSERT), dated `now`.
 */
export async function deliver(db: Db, send: SendSubscribeMessage, letters: readonly { openid: string; note: Notification }[], now = new Date()): Promise<void> {
  if (letters.length === 0) return
  const granted = await db
    .update(subscriptionGrants)
    .set({ available: sql`${subscriptionGrants.available} - 1` })
    .where(
      and(
        inArray(subscriptionGrants.openid, letters.map((l) => l.openid)),
        eq(subscriptionGrants.template, 'notice'),
        gt(subscriptionGrants.available, 0),
      ),
    )
    .returning({ openid: subscriptionGrants.openid })
  const rows = []
  for (const { openid, note } of letters) {
    const delivery = granted.some((g) => g.openid === openid)
      ? await send({ openid, template: 'notice', page: note.page, fields: { what: note.title, item: note.item, time: formatLocalTime(now) } })
      : 'no_grant'
    rows.push({ openid, title: note.title, body: note.body, page: note.page, delivery, createdAt: now })
  }
  await db.insert(messages).values(rows)
}

/** The user tapped "allow" on a subscribe request: each accepted template is good for one message. */
export async function recordSubscriptionGrant(db: Db, openid: string, granted: number): Promise<{ available: number }> {
  const [row] = await db
    .insert(subscriptionGrants)
    .values({ openid, template: 'notice', available: granted })
    .onConflictDoUpdate({
      target: [subscriptionGrants.openid, subscriptionGrants.template],
      set: { available: sql`${subscriptionGrants.available} + ${granted}` },
    })
    .returning()
  return { available: row.available }
}

export async function myMessages(db: Db, openid: string, input: { beforeId?: number }) {
  const limit = 20
  const rows = await db
    .select()
    .from(messages)
    .where(and(eq(messages.openid, openid), input.beforeId ? lt(messages.id, input.beforeId) : undefined))
    .orderBy(desc(messages.id))
    .limit(limit + 1)
  const [{ unread }] = await db.select({ unread: count() }).from(messages).where(and(eq(messages.openid, openid), isNull(messages.readAt)))
  const page = rows.slice(0, limit)
  const views: MessageView[] = page.map((m) => ({ id: m.id, title: m.title, body: m.body, page: m.page, createdAt: m.createdAt.toISOString(), read: m.readAt !== null }))
  return { messages: views, unread, nextBeforeId: rows.length > limit ? page[page.length - 1].id : null }
}

export async function markMessagesRead(db: Db, openid: string, ids: number[]) {
  const read = await db
    .update(messages)
    .set({ readAt: new Date() })
    .where(and(eq(messages.openid, openid), inArray(messages.id, ids), isNull(messages.readAt)))
    .returning({ id: messages.id })
  return { read: read.length }
}
