import { bigint, bigserial, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'
import { createdAt } from './columns'
import { households, orgs, users } from './organisation'

/**
 * A matter (议事/诉求) a villager raised at their micro-grid's 连心议站. Its state is kept here; every
 * step that moved it is a row of `matter_steps`, which is append-only.
 */
export const matters = pgTable(
  'matters',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    villageId: text('village_id')
      .notNull()
      .references(() => orgs.id),
    /** The micro-grid whose 议站 it lands in (the raiser household's); null when the household has none. */
    microGridId: text('micro_grid_id').references(() => orgs.id),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id),
    raisedBy: text('raised_by')
      .notNull()
      .references(() => users.openid),
    text: text('text').notNull(),
    place: text('place').notNull().default(''),
    photos: jsonb('photos').$type<string[]>().notNull().default([]),
    /** The raiser agreed to show their name on the public board (otherwise it is masked). */
    showName: boolean('show_name').notNull().default(false),
    status: text('status').notNull(),
    mergedIntoId: bigint('merged_into_id', { mode: 'number' }).references((): any => matters.id),
    /** 'cadre' or 'street' once assigned; the cadre's openid when assigned to one. */
    assignee: text('assignee'),
    assigneeOpenid: text('assignee_openid').references(() => users.openid),
    dueAt: timestamp('due_at', { withTimezone: true }),
    reopened: integer('reopened').notNull().default(0),
    rating: text('rating'),
    /** The latest outcome written to the resident. */
    outcome: text('outcome').notNull().default(''),
    firstFeedbackAt: timestamp('first_feedback_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('matters_village_idx').on(t.villageId, t.createdAt),
    index('matters_micro_grid_idx').on(t.microGridId, t.createdAt),
    index('matters_household_idx').on(t.householdId),
  ],
)

/** One step taken on a matter: who, when, what they wrote and photographed. Never edited or deleted. */
export const matterSteps = pgTable(
  'matter_steps',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    matterId: bigint('matter_id', { mode: 'number' })
      .notNull()
      .references(() => matters.id),
    /** raise, accept, merge, decline, assign, progress, extend, feedback, rate, reopen. */
    kind: text('kind').notNull(),
    actorOpenid: text('actor_openid')
      .notNull()
      .references(() => users.openid),
    note: text('note').notNull().default(''),
    photos: jsonb('photos').$type<string[]>().notNull().default([]),
    /** The step's own facts: the due date set, the assignee, the rating, the matter merged into. */
    details: jsonb('details').$type<Record<string, string | number | null>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index('matter_steps_matter_idx').on(t.matterId, t.id)],
)

/** "我也遇到": one per household and matter, instead of raising the same thing again. */
export const matterSeconds = pgTable(
  'matter_seconds',
  {
    matterId: bigint('matter_id', { mode: 'number' })
      .notNull()
      .references(() => matters.id),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id),
    openid: text('openid')
      .notNull()
      .references(() => users.openid),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.matterId, t.householdId] })],
)
