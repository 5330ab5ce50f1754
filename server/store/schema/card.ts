import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'
import { createdAt } from './columns'
import { households, orgs, users } from './organisation'

/**
 * A household's point card: the static number printed on the paper card, and the scrypt hash of the
 * PIN that must come with it. `pinFailures` counts wrong PINs in a row; at the limit the card is locked
 * until a cadre sets a new PIN.
 */
export const householdCards = pgTable('household_cards', {
  householdId: text('household_id')
    .primaryKey()
    .references(() => households.id),
  cardNumber: text('card_number').notNull().unique(),
  pinHash: text('pin_hash'),
  pinFailures: integer('pin_failures').notNull().default(0),
  pinSetAt: timestamp('pin_set_at', { withTimezone: true }),
  pinSetBy: text('pin_set_by').references(() => users.openid),
  createdAt: createdAt(),
})

/** One row per card token used at a shop: the primary key makes a token usable at most once. */
export const usedCardTokens = pgTable('used_card_tokens', {
  jti: text('jti').primaryKey(),
  householdId: text('household_id')
    .notNull()
    .references(() => households.id),
  usedAt: createdAt(),
})

/**
 * The number code (数字码) shown under a card's QR: the keyed hash of the code (HMAC with the card key,
 * never the code itself) and the token it stands for, by its claims. Lives as long as the token; rows
 * past their time are deleted when new codes are issued.
 */
export const cardCodes = pgTable(
  'card_codes',
  {
    codeHash: text('code_hash').primaryKey(),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id),
    jti: text('jti').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('card_codes_expires_idx').on(t.expiresAt)],
)

/**
 * The number printed on a paper 股东积分卡 that a village issued before it moved in, carried in by the
 * import of its paper points: unique in its village, one per household. The shop takes it, with the
 * PIN a cadre sets on the household's card (household_cards), as it takes the numbers we print.
 */
export const paperCards = pgTable(
  'paper_cards',
  {
    villageId: text('village_id')
      .notNull()
      .references(() => orgs.id),
    cardNumber: text('card_number').notNull(),
    householdId: text('household_id')
      .notNull()
      .unique()
      .references(() => households.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.villageId, t.cardNumber] })],
)
