import { sql } from 'drizzle-orm'
import { pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { createdAt } from './columns'
import { households, orgs, users } from './organisation'

/**
 * 门牌码: the plates issued for households, one row per plate. A household has at most one plate in
 * use; re-issuing one (a lost or damaged plate) sets `revoked_at` on the old row in the same
 * transaction as the new one is written, so the old code stops opening the household at once.
 */
export const doorPlates = pgTable(
  'door_plates',
  {
    /** The plate's random checked code, printed under its QR. */
    code: text('code').primaryKey(),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id),
    /** The household's village when issued: the QR carries it signed beside the code. */
    villageId: text('village_id')
      .notNull()
      .references(() => orgs.id),
    issuedBy: text('issued_by')
      .notNull()
      .references(() => users.openid),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('door_plates_in_use').on(t.householdId).where(sql`${t.revokedAt} is null`)],
)
