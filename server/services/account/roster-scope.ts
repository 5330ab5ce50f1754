import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import type { OrgRef } from '../../../src/core/contracts/account'
import { AppError } from '../../../src/core/errors'
import { mayActOn } from '../../../src/core/policy'
import type { RosterUnits } from '../../../src/core/roster/roster-rows'
import type { Db } from '../../store/database'
import { households, orgs } from '../../store/schema'
import type { Caller } from '../shared/caller'

export type Village = { id: string; name: string; path: string }

/** A village whose roster the caller keeps (a cadre of it, or an admin of its street). */
export async function villageInScope(db: Db, caller: Caller, orgId: string): Promise<Village> {
  const [org] = await db.select().from(orgs).where(eq(orgs.id, orgId))
  if (!org) throw new AppError('NOT_FOUND', '没有找到这个村')
  if (org.kind !== 'village') throw new AppError('INVALID_INPUT', '名册要导入到一个村')
  if (!mayActOn(caller.grants, 'manageRoster', [org.path])) throw new AppError('FORBIDDEN', '您只能管理自己村的名册')
  return { id: org.id, name: org.name, path: org.path }
}

/** A household of a village whose roster the caller keeps, with that village. */
export async function householdInScope(db: Db, caller: Caller, householdId: string) {
  const [row] = await db
    .select({ household: households, village: { id: orgs.id, name: orgs.name, path: orgs.path } })
    .from(households)
    .innerJoin(orgs, eq(orgs.id, households.villageId))
    .where(eq(households.id, householdId))
  if (!row) throw new AppError('NOT_FOUND', '没有找到这户')
  if (!mayActOn(caller.grants, 'manageRoster', [row.village.path])) {
    throw new AppError('FORBIDDEN', '您只能管理自己村的农户')
  }
  return row
}

/** The village's villager groups and micro-grids in use (not retired): the names a roster row may use. */
export async function villageUnits(db: Db, village: Village): Promise<RosterUnits & { groups: OrgRef[]; microGrids: OrgRef[] }> {
  const under = (kind: string) =>
    db
      .select({ id: orgs.id, name: orgs.name })
      .from(orgs)
      .where(and(eq(orgs.kind, kind), sql`starts_with(${orgs.path}, ${village.path})`, isNull(orgs.retiredAt)))
      .orderBy(asc(orgs.path))
  const [groups, microGrids] = [await under('villager_group'), await under('micro_grid')]
  return {
    groups: groups.map((g) => ({ ...g, kind: 'villager_group' as const })),
    microGrids: microGrids.map((g) => ({ ...g, kind: 'micro_grid' as const })),
  }
}
