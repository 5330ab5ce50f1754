import { and, eq, gte, inArray, isNull, lt, notExists, sql } from 'drizzle-orm'
import { localDay, shanghaiInstant, shiftDay } from '../../../src/core/period'
import {
  certificateExpiringNote,
  digestNote,
  isQuietHour,
  matterRateNote,
  noticeDueNote,
  noticeOverdueNote,
  OVERDUE_NOTICE_WINDOW_DAYS,
  RATE_REQUEST_AFTER_DAYS,
  type Notification,
  type ReminderReason,
} from '../../../src/core/reminders'
import type { SendSubscribeMessage } from '../../platform/subscribe-message'
import type { Db } from '../../store/database'
import { creditCertificates, householdMembers, matters, notices, remindersSent, roleGrants } from '../../store/schema'
import { waitingWork } from '../account/waiting'
import { certificatesExpiringSoon } from '../credit/certificates'
import { lastAnsweredAt } from '../matter/answers'
import { loadCaller } from './caller'
import { deliver } from './notifications'

const DAY = 24 * 60 * 60_000

/** One reminder to one person; (openid, reason, subject, day) is its key. */
type Reminder = { openid: string; reason: ReminderReason; subject: string; day: string; note: Notification }

/** What one pass of the clock's reminders did: how many went out, or that it is quiet hours and they wait. */
export type ReminderReport = { sent: number; quiet: boolean }

/**
 * The clock's reminders for `now`: to households, a notice due tomorrow (or today), a notice just overdue,
 * 「问题解决了吗？」 a few days after an unrated answer, a 积分证明 about to expire; to each staff member, one
 * digest a day of the work waiting for them (the home page's counts). Nothing between 21:00 and 07:00
 * Shanghai: what falls due then is found again by the first tick from 07:00. Each reminder's key is
 * claimed in the transaction that writes its message, so a second run, or a run after one that stopped
 * half way, sends only what was not sent.
 */
export async function sendReminders(db: Db, send: SendSubscribeMessage, now: Date): Promise<ReminderReport> {
  if (isQuietHour(now)) return { sent: 0, quiet: true }
  const due = [...(await noticeReminders(db, now)), ...(await matterRateRequests(db, now)), ...(await certificateReminders(db, now))]
  const reminders = [...(await unsent(db, due)), ...(await staffDigests(db, now))]
  let sent = 0
  for (const reminder of reminders) {
    const claimed = await db.transaction(async (tx) => {
      const [key] = await tx
        .insert(remindersSent)
        .values({ openid: reminder.openid, reason: reminder.reason, subject: reminder.subject, day: reminder.day, sentAt: now })
        .onConflictDoNothing()
        .returning({ openid: remindersSent.openid })
      if (key) await deliver(tx, send, [{ openid: reminder.openid, note: reminder.note }], now)
      return key !== undefined
    })
    if (claimed) sent += 1
  }
  return { sent, quiet: false }
}

/** The reminders whose key is not taken yet (one statement), so a tick that finds nothing new writes nothing. */
async function unsent(db: Db, reminders: readonly Reminder[]): Promise<Reminder[]> {
  if (reminders.length === 0) return []
  const taken = await db
    .select({ openid: remindersSent.openid, reason: remindersSent.reason, subject: remindersSent.subject, day: remindersSent.day })
    .from(remindersSent)
    .where(and(inArray(remindersSent.openid, [...new Set(reminders.map((r) => r.openid))]), inArray(remindersSent.day, [...new Set(reminders.map((r) => r.day))])))
  const keys = new Set(taken.map(keyOf))
  return reminders.filter((r) => !keys.has(keyOf(r)))
}

function keyOf(r: { openid: string; reason: string; subject: string; day: string }): string {
  return JSON.stringify([r.openid, r.reason, r.subject, r.day])
}

const boundMember = and(eq(householdMembers.householdId, notices.householdId), isNull(householdMembers.unboundAt))

/** Open notices due by the end of tomorrow (Shanghai), and those whose deadline passed in the last days: once each, to every bound member. */
async function noticeReminders(db: Db, now: Date): Promise<Reminder[]> {
  const dayAfterTomorrow = shanghaiInstant(shiftDay(localDay(now), 2))
  const rows = await db
    .select({ id: notices.id, problem: notices.problem, deadline: notices.deadline, openid: householdMembers.openid })
    .from(notices)
    .innerJoin(householdMembers, boundMember)
    .where(and(eq(notices.status, 'open'), gte(notices.deadline, new Date(now.getTime() - OVERDUE_NOTICE_WINDOW_DAYS * DAY)), lt(notices.deadline, dayAfterTomorrow)))
  return rows.map((n) => {
    const overdue = n.deadline.getTime() < now.getTime()
    return {
      openid: n.openid,
      reason: overdue ? 'notice-overdue' : 'notice-due',
      subject: `notice:${n.id}`,
      day: localDay(n.deadline),
      note: overdue ? noticeOverdueNote(n) : noticeDueNote(n, now),
    }
  })
}

/** Matters answered some days ago and not rated: the raiser's household is asked 「问题解决了吗？」 once per answer. */
async function matterRateRequests(db: Db, now: Date): Promise<Reminder[]> {
  const rows = await db
    .select({ id: matters.id, text: matters.text, answeredAt: lastAnsweredAt, openid: householdMembers.openid })
    .from(matters)
    .innerJoin(householdMembers, and(eq(householdMembers.householdId, matters.householdId), isNull(householdMembers.unboundAt)))
    .where(and(eq(matters.status, 'answered'), lt(lastAnsweredAt, shanghaiInstant(shiftDay(localDay(now), 1 - RATE_REQUEST_AFTER_DAYS)))))
  return rows.map((m) => ({ openid: m.openid, reason: 'matter-rate', subject: `matter:${m.id}`, day: localDay(m.answeredAt), note: matterRateNote(m) }))
}

/** Certificates in force that expire within the warning days (the ones 首页 shows): once each, to every bound member of the household. */
async function certificateReminders(db: Db, now: Date): Promise<Reminder[]> {
  const rows = await db
    .select({ id: creditCertificates.id, bankName: creditCertificates.bankName, expiresAt: creditCertificates.expiresAt, openid: householdMembers.openid })
    .from(creditCertificates)
    .innerJoin(householdMembers, and(eq(householdMembers.householdId, creditCertificates.householdId), isNull(householdMembers.unboundAt)))
    .where(certificatesExpiringSoon(now))
  return rows.map((c) => ({
    openid: c.openid,
    reason: 'certificate-expiring',
    subject: `certificate:${c.id}`,
    day: localDay(c.expiresAt),
    note: certificateExpiringNote(c, now),
  }))
}

/**
 * One message of the day per staff member who has not had it yet: the counts the home page shows
 * (account.waiting's, by the same statements: waitingWork in account/waiting.ts), and the matters
 * given to them that are due tomorrow. Nothing when nothing waits.
 */
async function staffDigests(db: Db, now: Date): Promise<Reminder[]> {
  const day = localDay(now)
  const staff = await db
    .selectDistinct({ openid: roleGrants.openid })
    .from(roleGrants)
    .where(
      and(
        isNull(roleGrants.revokedAt),
        notExists(
          db
            .select({ one: sql`1` })
            .from(remindersSent)
            .where(and(eq(remindersSent.openid, roleGrants.openid), eq(remindersSent.reason, 'digest'), eq(remindersSent.day, day))),
        ),
      ),
    )
    .orderBy(roleGrants.openid)
  const tomorrow = { from: shanghaiInstant(shiftDay(day, 1)), to: shanghaiInstant(shiftDay(day, 2)) }
  const digests: Reminder[] = []
  for (const { openid } of staff) {
    const work = await waitingWork(db, await loadCaller(db, openid), now)
    const [{ dueTomorrow }] = await db
      .select({ dueTomorrow: sql<number>`count(*)::int` })
      .from(matters)
      .where(
        and(
          eq(matters.assigneeOpenid, openid),
          inArray(matters.status, ['assigned', 'in_progress']),
          gte(matters.dueAt, tomorrow.from),
          lt(matters.dueAt, tomorrow.to),
        ),
      )
    const note = digestNote(work, dueTomorrow, now)
    if (note) digests.push({ openid, reason: 'digest', subject: '', day, note })
  }
  return digests
}
