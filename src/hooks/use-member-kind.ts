import { memberKindAt, type MemberKind } from '../core/member-kind'
import { useWhoAmI } from './use-whoami'

/**
 * The kind of member a staff page acts on at `orgId`: an alliance's committee and inspectors work on
 * merchants, everyone else on households (read from the caller's own roles; the server checks every call).
 */
export function useMemberKindOf(orgId: string): MemberKind {
  const { state } = useWhoAmI()
  const role = state.status === 'ok' && state.data.registered ? state.data.roles.find((r) => r.org.id === orgId) : undefined
  return role ? memberKindAt(role.org.kind) : 'household'
}
