import { eq } from 'drizzle-orm'
import { AppError } from '../../../src/core/errors'
import { pointsGrant, type Grant, type Permission } from '../../../src/core/policy'
import type { Db } from '../../store/database'
import { householdPlaces } from '../../store/household-views'
import { orgs } from '../../store/schema'
import type { Caller } from './caller'

/** Staff never score, nor decide on the points of, the household they are bound to: another must. */
export function refuseOwnHousehold(caller: Caller, householdId: string): void {
  if (caller.householdId === householdId) throw new AppError('FORBIDDEN', '不能给自己家评分/审核，请让其他干部处理')
}

/**
 * Refuses unless the caller may act (`permission`) on one entry of a household's points: the
 * household's village's staff, or the staff of the community that scored the entry (pointsGrant),
 * and never on their own household's.
 * `scorerOrgId`: the organisation that scored the entry (null when none did, e.g. a villager's claim).
 */
export async function requirePointsPower(
  db: Db,
  caller: Caller,
  permission: Permission,
  target: { householdId: string; scorerOrgId: string | null },
  refusal: string,
): Promise<Grant> {
  const place = (await householdPlaces(db, [target.householdId])).get(target.householdId)
  const [scorer] = target.scorerOrgId ? await db.select({ path: orgs.path }).from(orgs).where(eq(orgs.id, target.scorerOrgId)) : []
  const grant = place ? pointsGrant(caller.grants, permission, place, scorer?.path ?? null) : undefined
  if (!grant) throw new AppError('FORBIDDEN', refusal)
  refuseOwnHousehold(caller, target.householdId)
  return grant
}
