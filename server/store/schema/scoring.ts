import { bigint, bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { createdAt } from './columns'
import { ledgerEntries } from './ledger'
import { households, orgs, users } from './organisation'
import { rules } from './rules'

/**
 * One household scored under one rule: by an inspection or a villager's claim. It moves points only
 * when applied (at once, or after a cadre's approval), through the ledger entry it names.
 */
export const scoreRecords = pgTable(
  'score_records',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id),
    ruleId: integer('rule_id')
      .notNull()
      .references(() => rules.id),
    points: integer('points').notNull(),
    source: text('source').notNull(),
    status: text('status').notNull(),
    note: text('note').notNull().default(''),
    photos: jsonb('photos').$type<string[]>().notNull().default([]),
    submittedBy: text('submitted_by')
      .notNull()
      .references(() => users.openid),
    /** The organisation the scorer acted for: a village, a micro-grid, or a community (3.0). */
    scorerOrgId: text('scorer_org_id').references(() => orgs.id),
    requestId: text('request_id').notNull(),
    decidedBy: text('decided_by').references(() => users.openid),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note').notNull().default(''),
    ledgerEntryId: bigint('ledger_entry_id', { mode: 'number' })
      .unique()
      .references(() => ledgerEntries.id),
    /**
     * When the scorer saw it: the moment an inspection walk was finished on the phone, perhaps offline
     * and hours before it reached the server (`createdAt`, the time recorded). Periods follow createdAt.
     */
    observedAt: timestamp('observed_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    index('score_records_household_idx').on(t.householdId, t.createdAt),
    index('score_records_submitter_idx').on(t.submittedBy, t.id),
    index('score_records_status_idx').on(t.status),
  ],
)

/** A villager's appeal against a deduction; overturning it reverses the entry. One per entry. */
export const appeals = pgTable(
  'appeals',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id),
    entryId: bigint('entry_id', { mode: 'number' })
      .notNull()
      .references(() => ledgerEntries.id),
    reason: text('reason').notNull(),
    status: text('status').notNull(),
    submittedBy: text('submitted_by')
      .notNull()
      .references(() => users.openid),
    decidedBy: text('decided_by').references(() => users.openid),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note').notNull().default(''),
    reversalEntryId: bigint('reversal_entry_id', { mode: 'number' }).references(() => ledgerEntries.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('appeals_one_per_entry').on(t.entryId), index('appeals_household_idx').on(t.householdId)],
)

/**
 * Earned points per household per Asia/Shanghai month ("2026-11") and year ("2026"), kept in step
 * with the ledger inside the same transaction: rankings and charts read this, never the ledger.
 */
export const householdPeriodPoints = pgTable(
  'household_period_points',
  {
    householdId: text('household_id')
      .notNull()
      .references(() => households.id),
    period: text('period').notNull(),
    points: integer('points').notNull(),
  },
  (t) => [primaryKey({ columns: [t.period, t.householdId] })],
)

/** Earned points summed by how they moved: scores given and deducted, corrections (signed), restorations. */
function pointsByHowTheyMoved() {
  return {
    given: integer('given').notNull().default(0),
    deducted: integer('deducted').notNull().default(0),
    corrected: integer('corrected').notNull().default(0),
    restored: integer('restored').notNull().default(0),
  }
}

/**
 * Earned points per household, Asia/Shanghai month or year, rule and scorer, split by how they
 * moved: scores given and deducted, corrections (signed) and points restored after rectification.
 * Kept in step with the ledger in the same transaction as household_period_points (one place:
 * server/store/ledger.ts): the dividend's points by where they came from, and what moves with a
 * household that changes place (place_rule_points). An entry with no rule or no scorer is kept
 * under rule 0 / scorer ''.
 */
export const householdRulePoints = pgTable(
  'household_rule_points',
  {
    period: text('period').notNull(),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id),
    ruleId: integer('rule_id').notNull(),
    scorerOrgId: text('scorer_org_id').notNull(),
    ...pointsByHowTheyMoved(),
  },
  (t) => [
    primaryKey({ columns: [t.period, t.householdId, t.ruleId, t.scorerOrgId] }),
    index('household_rule_points_household_idx').on(t.householdId),
  ],
)

/**
 * household_rule_points summed per place a household sits in: its village, its community ('' when
 * none, version 3.0) and its micro-grid ('' when none). The street's view adds these up per village,
 * community, grid or micro-grid, so a street of 300,000 households reads rows per micro-grid, not per
 * household. Kept in the same batch as household_rule_points (server/store/ledger.ts); when a
 * household moves (another micro-grid, a community), the trigger households_place_moved (migration
 * 0018) moves its totals with it, so the totals always follow where households sit now, as the
 * street's roster does.
 */
export const placeRulePoints = pgTable(
  'place_rule_points',
  {
    period: text('period').notNull(),
    villageId: text('village_id').notNull(),
    communityId: text('community_id').notNull(),
    microGridId: text('micro_grid_id').notNull(),
    ruleId: integer('rule_id').notNull(),
    scorerOrgId: text('scorer_org_id').notNull(),
    ...pointsByHowTheyMoved(),
  },
  (t) => [primaryKey({ columns: [t.period, t.villageId, t.communityId, t.microGridId, t.ruleId, t.scorerOrgId] })],
)

/**
 * Earned points per organisational unit a household sits in (its village, its community (3.0), its
 * micro-grid, and that micro-grid's grid), Asia/Shanghai month or year, and rule category, split by
 * how they moved. The street's view and the units' 美丽积分图 read one row per unit, period and
 * category, never a row per household or per place. Kept in the same batch as the other earned
 * totals (server/store/ledger.ts) through the SQL function household_units (migration 0024), which
 * says which units a household counts in; when a household moves, or a micro-grid is hung under
 * another grid, the triggers of migration 0024 move the totals with it. Read through the covering
 * index unit_points_read_idx (migration 0025, hand-written: Drizzle cannot say INCLUDE).
 */
export const unitPoints = pgTable(
  'unit_points',
  {
    orgId: text('org_id').notNull(),
    period: text('period').notNull(),
    category: text('category').notNull(),
    ...pointsByHowTheyMoved(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.period, t.category] })],
)
