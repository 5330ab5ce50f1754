import { eq } from 'drizzle-orm'
import { AppError } from '../../../src/core/errors'
import { mayActOn } from '../../../src/core/policy'
import type { Db } from '../../store/database'
import { households, orgs } from '../../store/schema'
import type { Caller } from '../shared/caller'

export type Village = typeof orgs.$inferSelect

/** The cooperative (a village org) a run belongs to. */
export async function loadVillage(db: Db, orgId: string): Promise<Village> {
  const [village] = await db.select().from(orgs).where(eq(orgs.id, orgId))
  if (!village || village.kind !== 'village') throw new AppError('NOT_FOUND', '没有找到这个村的股份经济合作社')
  return village
}

/** The cooperative's accountant or a cadre of the village (or of nothing above it): may run, publish and export. */
export function mayRunDividend(caller: Caller, village: Village): boolean {
  return mayActOn(caller.grants, 'runDividend', [village.path])
}

export function requireDividendRunner(caller: Caller, village: Village): void {
  if (!mayRunDividend(caller, village)) throw new AppError('FORBIDDEN', '只有本村合作社会计或村干部可以做分红')
}

/** The village whose cooperative holds the caller's household's shares, or null. */
export async function householdVillageId(db: Db, caller: Caller): Promise<string | null> {
  if (!caller.householdId) return null
  const [household] = await db.select({ villageId: households.villageId }).from(households).where(eq(households.id, caller.householdId))
  return household?.villageId ?? null
}
