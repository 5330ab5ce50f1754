import { index, integer, jsonb, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core'
import type { StarBand } from '../../../src/core/merchant/star-terms'
import { createdAt } from './columns'
import { households, orgs, users } from './organisation'

/**
 * A 商家自治联盟's star terms (星级评比规则), one row per published version, from a day on; never
 * edited or deleted (migration 0031's trigger), like a bank's terms.
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
