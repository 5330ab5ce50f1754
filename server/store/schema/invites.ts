import { bigserial, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { createdAt } from './columns'
import { householdMembers, households, users } from './organisation'

/**
 * A one-time code a cadre issues so a villager can bind their WeChat to one household. Only the
 * code's keyed hash (HMAC-SHA256, services/shared/code-hash.ts) and its last 2 characters are kept; it binds once, expires, and can be revoked.
 */
export const inviteCodes = pgTable(
  'invite_codes',
  {
    id: serial('id').primaryKey(),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id),
    codeHash: text('code_hash').notNull(),
    /** The last 2 characters, so a cadre can tell codes apart without the code being stored. */
    codeTail: text('code_tail').notNull(),
    issuedBy: text('issued_by')
      .notNull()
      .references(() => users.openid),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    usedAt: timestamp('used_at', { withTimezone: true }),
    /** The membership the code created. */
    memberId: integer('member_id').references(() => householdMembers.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('invite_codes_hash').on(t.codeHash), index('invite_codes_household_idx').on(t.householdId)],
)

/** A failed bind (wrong, used, expired or revoked code): counted per openid to stop guessing. */
export const failedBindAttempts = pgTable(
  'failed_bind_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    openid: text('openid').notNull(),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('failed_bind_attempts_openid_idx').on(t.openid, t.createdAt)],
)
