import { sql } from 'drizzle-orm'
import { bigint, check, index, integer, pgTable, serial, text } from 'drizzle-orm/pg-core'
import { usedCardTokens } from './card'
import { createdAt } from './columns'
import { ledgerEntries } from './ledger'
import { households, orgs, users } from './organisation'
import { goods } from './shop'

/** A redemption at a shop (the receipt): points spent for goods, tied to its ledger entry and card token. */
export const redemptions = pgTable(
  'redemptions',
  {
    /** The receipt id shown to both phones: 'R' + 12 characters. */
    id: text('id').primaryKey(),
    shopId: text('shop_id')
      .notNull()
      .references(() => orgs.id),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id),
    clerkOpenid: text('clerk_openid')
      .notNull()
      .references(() => users.openid),
    pointsSpent: integer('points_spent').notNull(),
    ledgerEntryId: bigint('ledger_entry_id', { mode: 'number' })
      .notNull()
      .unique()
      .references(() => ledgerEntries.id),
    tokenJti: text('token_jti')
      .notNull()
      .unique()
      .references(() => usedCardTokens.jti),
    createdAt: createdAt(),
  },
  (t) => [
    index('redemptions_shop_time_idx').on(t.shopId, t.createdAt),
    index('redemptions_household_time_idx').on(t.householdId, t.createdAt),
    check('redemptions_points_positive', sql`${t.pointsSpent} > 0`),
  ],
)

/** The goods of one redemption, with the name and price as they were at the counter. */
export const redemptionItems = pgTable(
  'redemption_items',
  {
    id: serial('id').primaryKey(),
    redemptionId: text('redemption_id')
      .notNull()
      .references(() => redemptions.id),
    goodsId: integer('goods_id')
      .notNull()
      .references(() => goods.id),
    goodsName: text('goods_name').notNull(),
    unitPoints: integer('unit_points').notNull(),
    quantity: integer('quantity').notNull(),
  },
  (t) => [index('redemption_items_redemption_idx').on(t.redemptionId)],
)

/** A reversed redemption: at most one per receipt (primary key), its points returned by a linked entry. */
export const redemptionReversals = pgTable('redemption_reversals', {
  redemptionId: text('redemption_id')
    .primaryKey()
    .references(() => redemptions.id),
  ledgerEntryId: bigint('ledger_entry_id', { mode: 'number' })
    .notNull()
    .unique()
    .references(() => ledgerEntries.id),
  actorOpenid: text('actor_openid')
    .notNull()
    .references(() => users.openid),
  reason: text('reason').notNull().default(''),
  createdAt: createdAt(),
})
