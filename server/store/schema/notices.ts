import { bigint, bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'
import { createdAt } from './columns'
import { ledgerEntries } from './ledger'
import { households, orgs, users } from './organisation'
import { rules } from './rules'

/** One day's inspection results posted together into the village's channels as one 通报. */
export const bulletins = pgTable('bulletins', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  villageId: text('village_id')
    .notNull()
    .references(() => orgs.id),
  title: text('title').notNull(),
  postedBy: text('posted_by')
    .notNull()
    .references(() => users.openid),
  createdAt: createdAt(),
})

/**
 * A rectification notice for one household, opened by one deduction. The deducted points come back
 * by one 'restoration' entry that reverses the deduction (the ledger's unique reverses_entry_id makes
 * that, and an appeal's reversal, mutually exclusive and at most once).
 */
export const notices = pgTable(
  'notices',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id),
    villageId: text('village_id')
      .notNull()
      .references(() => orgs.id),
    /** The channel it appears in: the household's villager group (or its village when it has none). */
    channelOrgId: text('channel_org_id')
      .notNull()
      .references(() => orgs.id),
    deductionEntryId: bigint('deduction_entry_id', { mode: 'number' })
      .notNull()
      .unique()
      .references(() => ledgerEntries.id),
    ruleId: integer('rule_id').references(() => rules.id),
    /** Points given back when rectified (the deduction's size). */
    points: integer('points').notNull(),
    problem: text('problem').notNull(),
    photos: jsonb('photos').$type<string[]>().notNull().default([]),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    status: text('status').notNull(),
    openedBy: text('opened_by')
      .notNull()
      .references(() => users.openid),
    bulletinId: bigint('bulletin_id', { mode: 'number' }).references(() => bulletins.id),
    proofPhotos: jsonb('proof_photos').$type<string[]>().notNull().default([]),
    proofNote: text('proof_note').notNull().default(''),
    proofBy: text('proof_by').references(() => users.openid),
    proofAt: timestamp('proof_at', { withTimezone: true }),
    rejectionReason: text('rejection_reason').notNull().default(''),
    verifiedBy: text('verified_by').references(() => users.openid),
    rectifiedAt: timestamp('rectified_at', { withTimezone: true }),
    restorationEntryId: bigint('restoration_entry_id', { mode: 'number' })
      .unique()
      .references(() => ledgerEntries.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('notices_channel_idx').on(t.channelOrgId, t.createdAt),
    index('notices_household_idx').on(t.householdId),
    index('notices_village_idx').on(t.villageId, t.createdAt),
  ],
)

/** A real WeChat group (openGId) recorded as one of a village's channels when a 通报 card was opened in it. */
export const wechatGroups = pgTable('wechat_groups', {
  openGId: text('open_g_id').primaryKey(),
  villageId: text('village_id')
    .notNull()
    .references(() => orgs.id),
  recordedBy: text('recorded_by')
    .notNull()
    .references(() => users.openid),
  createdAt: createdAt(),
})

/** The in-app message list: every notification lands here, whatever WeChat delivers. */
export const messages = pgTable(
  'messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    openid: text('openid')
      .notNull()
      .references(() => users.openid),
    title: text('title').notNull(),
    body: text('body').notNull(),
    page: text('page').notNull().default(''),
    /** How WeChat delivery went: 'sent', 'no_grant' (the user had not allowed one), 'skipped' (local), 'failed'. */
    delivery: text('delivery').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('messages_openid_idx').on(t.openid, t.id)],
)

/** One-time subscribe-message grants a user gave (one message per grant), by template. */
export const subscriptionGrants = pgTable(
  'subscription_grants',
  {
    openid: text('openid')
      .notNull()
      .references(() => users.openid),
    template: text('template').notNull(),
    available: integer('available').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.openid, t.template] })],
)
