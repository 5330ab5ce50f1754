import { bigserial, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core'
import { createdAt } from './columns'
import { orgs } from './organisation'

/**
 * The audit trail of power: every grant, revocation, staff code and org change, who made it, when,
 * from what to what. Append-only: a trigger refuses UPDATE and DELETE. `actorOpenid` is null for
 * `npm run setup`, run by the person who deploys. Village-setting changes keep their own table
 * (village_setting_changes, append-only too) and the trail shows them beside these.
 */
export const auditRecords = pgTable(
  'audit_records',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actorOpenid: text('actor_openid'),
    action: text('action').notNull(),
    orgId: text('org_id').references(() => orgs.id),
    before: jsonb('before'),
    after: jsonb('after'),
    createdAt: createdAt(),
  },
  (t) => [index('audit_records_org_idx').on(t.orgId, t.id)],
)
