import { and, eq, sql } from 'drizzle-orm'
import type { Database, Db, OpenOptions } from '../store/database'
import { seedDemoIfEmpty } from '../demo/seed'
import { rules } from '../store/schema'
import { openMigratedDatabase } from '../store/open-database'
import { createThrowawayDatabase } from './throwaway-database'

/**
 * A fresh, migrated database for one test file: a throwaway database on the PostgreSQL server when
 * DATABASE_URL is set (dropped on close), otherwise an in-memory PGlite.
 */
export async function openTestDatabase(options: OpenOptions = {}): Promise<Database> {
  const serverUrl = process.env.DATABASE_URL
  if (!serverUrl) return openMigratedDatabase({}, options)
  const throwaway = await createThrowawayDatabase(serverUrl, 'test')
  const database = await openMigratedDatabase({ databaseUrl: throwaway.url }, options)
  return {
    ...database,
    async close() {
      await database.close()
      await throwaway.drop()
    },
  }
}

/** A fresh test database holding the demo village (without its past months of history). */
export async function openDemoTestDatabase(options: OpenOptions = {}): Promise<Database> {
  const database = await openTestDatabase(options)
  await seedDemoIfEmpty(database.db)
  return database
}

/** The ids of a rule set's rules in force, by rule code. */
export async function ruleIdsByCode(db: Db, ruleSetId: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ id: rules.id, code: rules.code })
    .from(rules)
    .where(and(eq(rules.ruleSetId, ruleSetId), eq(rules.version, sql`(select max(version) from rules r2 where r2.rule_set_id = ${ruleSetId})`)))
  return Object.fromEntries(rows.map((r) => [r.code, r.id]))
}
