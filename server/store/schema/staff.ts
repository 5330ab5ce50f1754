import { boolean, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { createdAt } from './columns'
import { orgs, roleGrants, users } from './organisation'

/**
 * A one-time staff code: binding it gives a WeChat identity one role on one organisation. Kept like
 * a household invite: only the code's keyed hash and its last 2 characters, 7 days, revocable.
 * `issuedBy` is null for the first administrator's code, which `npm run setup` prints.
 */
export const staffInvites = pgTable(
  'staff_invites',
  {
    id: serial('id').primaryKey(),
    role: text('role').notNull(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    codeHash: text('code_hash').notNull(),
    codeTail: text('code_tail').notNull(),
    issuedBy: text('issued_by').references(() => users.openid),
    /** Handing over (a micro-grid to a new leader): binding also ends the role of whoever holds it there now. */
    handOver: boolean('hand_over').notNull().default(false),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    usedAt: timestamp('used_at', { withTimezone: true }),
    /** The role the code granted. */
    grantId: integer('grant_id').references(() => roleGrants.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('staff_invites_hash').on(t.codeHash), index('staff_invites_org_idx').on(t.orgId)],
)
