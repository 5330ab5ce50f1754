import { sql } from 'drizzle-orm'
import { bigint, bigserial, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import type { IncentiveMethod } from '../../../src/core/dividend/incentive-methods'
import { createdAt } from './columns'
import { households, orgs, users } from './organisation'

/**
 * A cooperative's annual dividend run (股份分红 + 善治积分). A draft can be replaced or published;
 * a published run is immutable (a trigger refuses any change); a correction is a new run that
 * names the published run it supersedes, and both are kept.
 */
export const dividendRuns = pgTable(
  'dividend_runs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    villageId: text('village_id')
      .notNull()
      .references(() => orgs.id),
    year: integer('year').notNull(),
    /** 'draft' (待公示) or 'published' (已公示). */
    status: text('status').notNull(),
    totalFen: bigint('total_fen', { mode: 'number' }).notNull(),
    basicFen: bigint('basic_fen', { mode: 'number' }).notNull(),
    incentiveFen: bigint('incentive_fen', { mode: 'number' }).notNull(),
    method: jsonb('method').$type<IncentiveMethod>().notNull(),
    totalShares: bigint('total_shares', { mode: 'number' }).notNull(),
    /** Sum of the households' incentive weights (hundredths of a point counted once). */
    totalWeight: bigint('total_weight', { mode: 'number' }).notNull(),
    householdCount: integer('household_count').notNull(),
    /** The published run this one corrects; unique, so a run is superseded at most once. */
    supersedesRunId: bigint('supersedes_run_id', { mode: 'number' }).references((): any => dividendRuns.id),
    /** Why a correction was made (shown with the corrected list). */
    correctionNote: text('correction_note').notNull().default(''),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.openid),
    createdAt: createdAt(),
    publishedBy: text('published_by').references(() => users.openid),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    index('dividend_runs_village_year_idx').on(t.villageId, t.year),
    uniqueIndex('dividend_runs_supersedes_once').on(t.supersedesRunId),
    // One draft per cooperative and year; one first publication (later ones must supersede).
    uniqueIndex('dividend_runs_one_draft').on(t.villageId, t.year).where(sql`${t.status} = 'draft'`),
    uniqueIndex('dividend_runs_one_original')
      .on(t.villageId, t.year)
      .where(sql`${t.status} = 'published' and ${t.supersedesRunId} is null`),
    check('dividend_runs_status', sql`${t.status} in ('draft', 'published')`),
    check('dividend_runs_published_at', sql`(${t.status} = 'published') = (${t.publishedAt} is not null)`),
    check('dividend_runs_pools', sql`${t.incentiveFen} >= 0 and ${t.basicFen} >= 0 and ${t.basicFen} + ${t.incentiveFen} = ${t.totalFen}`),
  ],
)

/** Where a household's year's points came from: the scoring organisation and its points. */
export type PointsOrigin = { orgId: string | null; orgName: string; points: number }

/** One household's line of a run, with the name and 门牌 as they were when the run was made. */
export const dividendLines = pgTable(
  'dividend_lines',
  {
    runId: bigint('run_id', { mode: 'number' })
      .notNull()
      .references(() => dividendRuns.id, { onDelete: 'cascade' }),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id),
    headName: text('head_name').notNull(),
    houseNo: text('house_no').notNull(),
    shares: integer('shares').notNull(),
    points: integer('points').notNull(),
    weight: bigint('weight', { mode: 'number' }).notNull(),
    basicFen: bigint('basic_fen', { mode: 'number' }).notNull(),
    incentiveFen: bigint('incentive_fen', { mode: 'number' }).notNull(),
    totalFen: bigint('total_fen', { mode: 'number' }).notNull(),
    pointsOrigin: jsonb('points_origin').$type<PointsOrigin[]>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.householdId] }),
    index('dividend_lines_household_idx').on(t.householdId),
    check('dividend_lines_amounts', sql`${t.basicFen} >= 0 and ${t.incentiveFen} >= 0 and ${t.totalFen} = ${t.basicFen} + ${t.incentiveFen}`),
  ],
)
