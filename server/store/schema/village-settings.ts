import { jsonb, pgTable, serial, text } from 'drizzle-orm/pg-core'
import { createdAt } from './columns'
import { orgs, users } from './organisation'

/** Every change of a village's settings: who, when, from what to what (村里的设置 shows the latest). */
export const villageSettingChanges = pgTable('village_setting_changes', {
  id: serial('id').primaryKey(),
  villageId: text('village_id')
    .notNull()
    .references(() => orgs.id),
  actorOpenid: text('actor_openid')
    .notNull()
    .references(() => users.openid),
  before: jsonb('before').notNull(),
  after: jsonb('after').notNull(),
  createdAt: createdAt(),
})

