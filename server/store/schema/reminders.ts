import { pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'
import { users } from './organisation'

/**
 * Every reminder the clock has sent, by its key (person, reason, subject, day): the key is claimed in the
 * transaction that writes the message, so each reminder goes out once however often the timer runs.
 * `day` is the Shanghai day the reminder is about ("2026-12-07"): the deadline's day for a notice, the
 * day of the answer for a rating request, the sending day for a digest.
 */
export const remindersSent = pgTable(
  'reminders_sent',
  {
    openid: text('openid')
      .notNull()
      .references(() => users.openid),
    reason: text('reason').notNull(),
    subject: text('subject').notNull(),
    day: text('day').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.openid, t.reason, t.subject, t.day] })],
)
