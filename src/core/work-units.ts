import { pathCovers, type OrgKind } from './org'
import { grantsFor, type Grant, type Permission } from './policy'

export type Unit = { id: string; name: string; kind: OrgKind; path: string }

/**
 * The units a page that works on `kinds` offers the caller for `permission`: the organisation of
 * each grant carrying it when that is of such a kind (a cadre's village, a clerk's shop), else the
 * topmost units of such kinds under it (a street admin's villages, not also their grids).
 * `candidates` are the live units of `kinds` under the caller's grants.
 */
export function workUnits(grants: readonly Grant[], permission: Permission, kinds: readonly OrgKind[], candidates: readonly Unit[]): Unit[] {
  const found = new Map<string, Unit>()
  for (const grant of grantsFor(grants, permission)) {
    if (kinds.includes(grant.org.kind)) {
      found.set(grant.org.id, grant.org)
      continue
    }
    const under = candidates.filter((unit) => unit.id !== grant.org.id && pathCovers(grant.org.path, unit.path))
    const topmost = under.filter((unit) => !under.some((other) => other.id !== unit.id && pathCovers(other.path, unit.path)))
    for (const unit of topmost) found.set(unit.id, unit)
  }
  return [...found.values()]
}
