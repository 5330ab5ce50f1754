import type { OrgRef } from '../core/contracts/account'
import { PERMISSIONS, type Permission } from '../core/policy'
import { useWhoAmI } from './use-whoami'
import type { Loaded } from './use-envelope'

/**
 * The organisations on which the caller holds a role carrying `permission` (from whoami), so a page
 * can offer "my scope". The server still checks every call.
 */
export function useStaffOrgs(permission: Permission): { state: Loaded<OrgRef[]>; reload: () => void } {
  const { state, reload } = useWhoAmI()
  const allowed: readonly string[] = PERMISSIONS[permission]
  if (state.status !== 'ok') return { state, reload }
  const orgs = state.data.registered ? state.data.roles.filter((r) => allowed.includes(r.role)).map((r) => r.org) : []
  const unique = orgs.filter((org, i) => orgs.findIndex((o) => o.id === org.id) === i)
  return { state: { status: 'ok', data: unique }, reload }
}
