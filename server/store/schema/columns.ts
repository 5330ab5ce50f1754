import { timestamp } from 'drizzle-orm/pg-core'

/** Row creation time, stored in UTC. */
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
