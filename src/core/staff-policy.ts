import { pathCovers, type OrgKind } from './org'
import type { Grant } from './policy'
import { ROLE_ORG_KIND, type StaffRole } from './roles'

/**
 * Who may invite whom (and so also revoke whom): the staff roles a holder of each role may grant,
 * always on an organisation within the holder's own. Nobody grants a role above their own.
 */
export const INVITABLE_ROLES: Record<StaffRole, readonly StaffRole[]> = {
  // The street's administrator staffs everything under the street, a successor admin included.
  admin: ['admin', 'cadre', 'community_scorer', 'accountant', 'grid_leader', 'shop_clerk', 'bank_officer', 'alliance_committee', 'dept_inspector'],
  // A village's (or community's) cadre: its grid leaders, shop clerks and the cooperative's accountant.
  cadre: ['grid_leader', 'shop_clerk', 'accountant'],
  community_scorer: [],
  accountant: [],
  grid_leader: [],
  shop_clerk: [],
  // A bank's loan officers are staffed by the street's admin (a bank that lends to the street's households).
  bank_officer: [],
  // A 商家自治联盟's committee brings in the supporting departments' inspectors.
  alliance_committee: ['dept_inspector'],
  dept_inspector: [],
}

/** The organisation a role would be granted on: its kind and materialised path. */
export type GrantTarget = { kind: OrgKind; path: string }

/** True when `role` may be held on an organisation of this kind at all (a cadre on a village, a clerk on a shop). */
export function roleFitsOrg(role: StaffRole, kind: OrgKind): boolean {
  return ROLE_ORG_KIND[role].includes(kind)
}

/**
 * The caller's grant that lets them give (or take back) `role` on `target`, if any: its role may
 * invite `role`, and its organisation covers the target.
 */
export function grantToInvite(grants: readonly Grant[], role: StaffRole, target: GrantTarget): Grant | undefined {
  if (!roleFitsOrg(role, target.kind)) return undefined
  return grants.find((g) => INVITABLE_ROLES[g.role].includes(role) && pathCovers(g.org.path, target.path))
}

export function mayInvite(grants: readonly Grant[], role: StaffRole, target: GrantTarget): boolean {
  return grantToInvite(grants, role, target) !== undefined
}

/** True when the caller may see who works on an organisation: they could staff some role on it. */
export function mayViewStaff(grants: readonly Grant[], target: { path: string }): boolean {
  return grants.some((g) => INVITABLE_ROLES[g.role].length > 0 && pathCovers(g.org.path, target.path))
}
