import { eq } from 'drizzle-orm'
import { AppError } from '../../../src/core/errors'
import { pointsGrant, type Grant, type Permission } from '../../../src/core/policy'
import type { Db } from '../../store/database'
import { householdPlaces } from '../../store/household-views'
import { orgs } from '../../store/schema'
import { isOwnMember, type Caller } from './caller'

/**
 * Staff never score, nor decide on the points of, a member they are bound to (their household, or
 * the merchant they own): another must.
 */
export function refuseOwnMember(caller: Caller, memberId: string): void {
  if (!isOwnMember(caller, memberId)) return
  throw new AppError('FORBIDDEN', memberId === caller.merchantId ? '不能给自己的店评分/审核，请让其他人处理' : '不能给自己家评分/审核，请让其他干部处理')
}

/**
 * Refuses unless the caller may act (`permission`) on one entry of a household's points: the
 * household's village's staff, or the staff of the community that scored the entry (pointsGrant),
 * and never on their own household's or shop's.
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
  refuseOwnMember(caller, target.householdId)
  return grant
}
