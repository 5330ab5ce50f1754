import { and, eq, inArray } from 'drizzle-orm'
import { AppError } from '../../../src/core/errors'
import { pathCovers } from '../../../src/core/org'
import { grantsFor } from '../../../src/core/policy'
import type { Db } from '../../store/database'
import { households, orgs } from '../../store/schema'
import type { Caller } from '../shared/caller'

/**
 * Members of a village read its channels: villagers of the village, staff whose organisation lies in
 * it or above it (a grid leader's micro-grid, a cadre's village, the street's admin), and (3.0) the
 * scorers of a community where some of the village's shareholders now live.
 */
export async function requireVillageReader(db: Db, caller: Caller, villageId: string): Promise<void> {
  const [village] = await db.select({ path: orgs.path }).from(orgs).where(eq(orgs.id, villageId))
  if (!village) throw new AppError('NOT_FOUND', '没有找到这个村')
  if (!(await readsVillage(db, caller, { id: villageId, path: village.path }))) throw new AppError('FORBIDDEN', '只有本村的村民和干部能看本村的通报')
}

/** Whether the caller is one of the village's readers (above). */
export async function readsVillage(db: Db, caller: Caller, village: { id: string; path: string }): Promise<boolean> {
  // A member's own people read its village's notices: a household's its village, a merchant's owner his alliance.
  const ownIds = [caller.householdId, caller.merchantId].filter((id): id is string => id !== null)
  if (ownIds.length > 0) {
    const own = await db.select({ villageId: households.villageId }).from(households).where(inArray(households.id, ownIds))
    if (own.some((o) => o.villageId === village.id)) return true
  }
  const grants = grantsFor(caller.grants, 'viewHouseholds')
  if (grants.some((g) => pathCovers(g.org.path, village.path) || pathCovers(village.path, g.org.path))) return true
  const communities = grants.filter((g) => g.org.kind === 'community').map((g) => g.org.id)
  if (communities.length === 0) return false
  const [resident] = await db
    .select({ id: households.id })
    .from(households)
    .where(and(eq(households.villageId, village.id), inArray(households.communityId, communities)))
    .limit(1)
  return resident !== undefined
}
