import { bigint, bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core'
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

/**
 * Earned points per household, Asia/Shanghai year ("2026") and scoring organisation (the village,
 * a micro-grid, a community under 3.0; none for points without one), kept in step with the ledger
 * inside the same transaction: the dividend reads each household's year's points and where they
 * came from here, never the ledger.
 */
export const householdOriginPoints = pgTable(
  'household_origin_points',
  {
    householdId: text('household_id')
      .notNull()
      .references(() => households.id),
    period: text('period').notNull(),
    scorerOrgId: text('scorer_org_id').references(() => orgs.id),
    points: integer('points').notNull(),
  },
  (t) => [unique('household_origin_points_key').on(t.period, t.householdId, t.scorerOrgId).nullsNotDistinct()],
)
