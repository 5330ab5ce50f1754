import { bigint, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import type { StarBand } from '../../../src/core/merchant/star-terms'
import { createdAt } from './columns'
import { households, orgs, users } from './organisation'
import { scoreRecords } from './scoring'

/**
 * A 商家自治联盟's star terms (星级评比规则), one row per published version, from a day on; never
 * edited or deleted (a trigger, migration merchant_stars_append_only), like a bank's terms.
 */
export const allianceStarTerms = pgTable(
  'alliance_star_terms',
  {
    id: serial('id').primaryKey(),
    allianceId: text('alliance_id')
      .notNull()
      .references(() => orgs.id),
    version: integer('version').notNull(),
    /** The Asia/Shanghai day ("2026-12-01") they take effect. */
    effectiveFrom: text('effective_from').notNull(),
    windowMonths: integer('window_months').notNull(),
    bands: jsonb('bands').$type<StarBand[]>().notNull(),
    redMinStars: integer('red_min_stars').notNull(),
    blackLine: integer('black_line').notNull(),
    publishedBy: text('published_by')
      .notNull()
      .references(() => users.openid),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('alliance_star_terms_version').on(t.allianceId, t.version)],
)

/**
 * One merchant's result of one rating period (a month, "2026-11"): the points its window earned, the
 * stars they reached and the terms version used. Kept as it was rated: never changed or deleted, and
 * a period is rated once per merchant.
 */
export const starRatings = pgTable(
  'star_ratings',
  {
    id: serial('id').primaryKey(),
    allianceId: text('alliance_id')
      .notNull()
      .references(() => orgs.id),
    period: text('period').notNull(),
    merchantId: text('merchant_id')
      .notNull()
      .references(() => households.id),
    termsId: integer('terms_id')
      .notNull()
      .references(() => allianceStarTerms.id),
    points: integer('points').notNull(),
    stars: integer('stars').notNull(),
    ratedBy: text('rated_by')
      .notNull()
      .references(() => users.openid),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('star_ratings_merchant_period').on(t.merchantId, t.period), index('star_ratings_alliance_period_idx').on(t.allianceId, t.period)],
)

/**
 * A training session of an alliance (培训), with its sign-in code: shown at the session (as a QR) and
 * kept only as its keyed hash and last 2 characters, valid until `closesAt`.
 */
export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: serial('id').primaryKey(),
    allianceId: text('alliance_id')
      .notNull()
      .references(() => orgs.id),
    title: text('title').notNull(),
    codeHash: text('code_hash').notNull(),
    codeTail: text('code_tail').notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    openedBy: text('opened_by')
      .notNull()
      .references(() => users.openid),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('training_sessions_code_hash').on(t.codeHash), index('training_sessions_alliance_idx').on(t.allianceId, t.id)],
)

/** A merchant signed in to a session: at most once, and its 参加培训 points with it (the score record). */
export const trainingSignIns = pgTable(
  'training_sign_ins',
  {
    id: serial('id').primaryKey(),
    sessionId: integer('session_id')
      .notNull()
      .references(() => trainingSessions.id),
    merchantId: text('merchant_id')
      .notNull()
      .references(() => households.id),
    openid: text('openid')
      .notNull()
      .references(() => users.openid),
    scoreRecordId: bigint('score_record_id', { mode: 'number' })
      .notNull()
      .references(() => scoreRecords.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('training_sign_ins_once').on(t.sessionId, t.merchantId)],
)

/** A customer's concern about a merchant, raised from its storefront sign, for the alliance's committee. */
export const merchantConcerns = pgTable(
  'merchant_concerns',
  {
    id: serial('id').primaryKey(),
    merchantId: text('merchant_id')
      .notNull()
      .references(() => households.id),
    allianceId: text('alliance_id')
      .notNull()
      .references(() => orgs.id),
    text: text('text').notNull(),
    openid: text('openid').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('merchant_concerns_alliance_idx').on(t.allianceId, t.id), index('merchant_concerns_openid_idx').on(t.openid, t.createdAt)],
)
