import { boolean, check, index, integer, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { sql } from 'drizzle-orm'
import { createdAt } from './columns'
import { orgs, users } from './organisation'

/**
 * A set of 积分细则. One set can serve several villages and communities (当湖街道 3.0: one unified
 * set for the dissolved villages and the communities that score their shareholders).
 */
export const ruleSets = pgTable('rule_sets', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** Cadres and admins whose grant covers this org edit and publish the set. */
  ownerOrgId: text('owner_org_id')
    .notNull()
    .references(() => orgs.id),
  createdAt: createdAt(),
})

/** Which rule set a village or community scores with: one set per organisation. */
export const ruleSetOrgs = pgTable('rule_set_orgs', {
  orgId: text('org_id')
    .primaryKey()
    .references(() => orgs.id),
  ruleSetId: text('rule_set_id')
    .notNull()
    .references(() => ruleSets.id),
})

/** Versions of a set: a draft is edited, publishing freezes it; the newest published one is in force. */
export const ruleSetVersions = pgTable(
  'rule_set_versions',
  {
    ruleSetId: text('rule_set_id')
      .notNull()
      .references(() => ruleSets.id),
    version: integer('version').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: text('published_by').references(() => users.openid),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.ruleSetId, t.version] })],
)

/**
 * One rule of one version. A published version's rows are never changed: ledger entries point at
 * the exact row (and so the version) they were scored under. `code` names the rule across versions.
 */
export const rules = pgTable(
  'rules',
  {
    id: serial('id').primaryKey(),
    ruleSetId: text('rule_set_id')
      .notNull()
      .references(() => ruleSets.id),
    version: integer('version').notNull(),
    code: text('code').notNull(),
    category: text('category').notNull(),
    title: text('title').notNull(),
    points: integer('points').notNull(),
    /** At most this many times per household per Asia/Shanghai month / year. */
    monthlyLimit: integer('monthly_limit'),
    yearlyLimit: integer('yearly_limit'),
    evidenceRequired: boolean('evidence_required').notNull().default(false),
    /** A deduction under this rule is given back once the problem is rectified (version 2.0). */
    restorable: boolean('restorable').notNull().default(false),
    /** Days a household has to rectify (the default deadline of a rectification notice). */
    rectifyDays: integer('rectify_days'),
    /** Villagers may claim it themselves with a photo (e.g. volunteer service), subject to approval. */
    claimable: boolean('claimable').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    uniqueIndex('rules_version_code').on(t.ruleSetId, t.version, t.code),
    index('rules_set_version_idx').on(t.ruleSetId, t.version),
    check('rules_points_nonzero', sql`${t.points} <> 0`),
  ],
)
