import { and, inArray, isNull, or, sql } from 'drizzle-orm'
import type { OrgRef } from '../../../src/core/contracts/account'
import type { OrgKind } from '../../../src/core/org'
import { grantsFor, type Permission } from '../../../src/core/policy'
import { workUnits } from '../../../src/core/work-units'
import type { Db } from '../../store/database'
import { orgs } from '../../store/schema'
import { findCaller } from '../shared/caller'
import { byName } from '../../../src/core/by-name'

/**
 * The units a staff page working on `kinds` offers the caller: their own unit, or the ones under
 * a higher grant (the street admin's villages, a cadre's shops). An unregistered caller has none.
 */
export async function listWorkUnits(db: Db, openid: string, input: { permission: Permission; kinds: OrgKind[] }): Promise<OrgRef[]> {
  const caller = await findCaller(db, openid)
  if (!caller) return []
  const grants = grantsFor(caller.grants, input.permission)
  if (grants.length === 0) return []
  const candidates = await db
    .select({ id: orgs.id, name: orgs.name, kind: orgs.kind, path: orgs.path })
    .from(orgs)
    .where(
      and(
        inArray(orgs.kind, input.kinds),
        isNull(orgs.retiredAt),
        or(...grants.map((g) => sql`starts_with(${orgs.path}, ${g.org.path})`)),
      ),
    )
  const units = workUnits(grants, input.permission, input.kinds, candidates.map((c) => ({ ...c, kind: c.kind as OrgKind })))
  return units.map(({ id, name, kind }) => ({ id, name, kind })).sort((a, b) => byName(a.name, b.name))
}
