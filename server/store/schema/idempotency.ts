import { jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core'
import { createdAt } from './columns'

/**
 * One row per state-changing request: the first answer is kept and returned to every repeat.
 * Keyed by caller so one client's ids can never collide with another's.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    openid: text('openid').notNull(),
    requestId: text('request_id').notNull(),
    operation: text('operation').notNull(),
    paramsHash: text('params_hash').notNull(),
    response: jsonb('response'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.openid, t.requestId] })],
)
