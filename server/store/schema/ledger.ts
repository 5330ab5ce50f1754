import { bigint, bigserial, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core'
import { createdAt } from './columns'
import { households, orgs, users } from './organisation'
import { rules } from './rules'

/** The points ledger: immutable entries; a correction is a new entry linked to the one it reverses. */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id),
    points: integer('points').notNull(),
    /** The household's balance right after this entry: the running sum of its entries. */
    balanceAfter: integer('balance_after').notNull(),
    kind: text('kind').notNull(),
    note: text('note').notNull().default(''),
    actorOpenid: text('actor_openid').references(() => users.openid),
    /** The rule (and so the rule-set version) a scoring entry was made under. */
    ruleId: integer('rule_id').references(() => rules.id),
    /** Where the points came from: the scorer's village, micro-grid or community (3.0). */
    scorerOrgId: text('scorer_org_id').references(() => orgs.id),
    /** The entry this one reverses; unique, so an entry is reversed at most once. */
    reversesEntryId: bigint('reverses_entry_id', { mode: 'number' }).references((): any => ledgerEntries.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('ledger_household_idx').on(t.householdId, t.id),
    uniqueIndex('ledger_reverses_once').on(t.reversesEntryId),
  ],
)

