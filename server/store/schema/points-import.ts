import { sql } from 'drizzle-orm'
import { check, index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core'
import { createdAt } from './columns'
import { households, orgs, users } from './organisation'

/**
 * A village's paper 善治积分 carried in from one spreadsheet: a cadre drafts it, a second person (the
 * cooperative's accountant or another cadre) confirms it, and only then are its ledger entries
 * written. `rows` and `totals` are what the preview showed (the checked rows with their household
 * ids, the totals per group beside the paper's); `fileSha256` fingerprints the file itself.
 */
export const pointsImports = pgTable(
  'points_imports',
  {
    id: serial('id').primaryKey(),
    villageId: text('village_id')
      .notNull()
      .references(() => orgs.id),
    /** The day the paper's figures run up to ("2026-10-31", Asia/Shanghai). */
    asOf: text('as_of').notNull(),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    rows: jsonb('rows').notNull(),
    totals: jsonb('totals').notNull(),
    /** draft → confirmed (entries written) or withdrawn (by a cadre of the village; nothing written). */
    status: text('status').notNull().default('draft'),
    draftedBy: text('drafted_by')
      .notNull()
      .references(() => users.openid),
    createdAt: createdAt(),
    confirmedBy: text('confirmed_by').references(() => users.openid),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  },
  (t) => [
    index('points_imports_village_idx').on(t.villageId, t.id),
    check('points_imports_two_people', sql`${t.confirmedBy} is null or ${t.confirmedBy} <> ${t.draftedBy}`),
  ],
)

/** The households whose paper points were imported: each at most once (the key), by a confirmed import. */
export const pointsImportHouseholds = pgTable('points_import_households', {
  householdId: text('household_id')
    .primaryKey()
    .references(() => households.id),
  importId: integer('import_id')
    .notNull()
    .references(() => pointsImports.id),
  createdAt: createdAt(),
})
