import type {
  BindResult,
  HouseholdDetail,
  HouseholdList,
  InviteView,
  IssuedInvite,
  MemberView,
  RosterImportResult,
  RosterPreview,
} from '../core/contracts/account'
import type { Envelope } from '../core/contracts/envelope'
import type { ShownOnce } from '../core/contracts/shown-once'
import type { HouseholdFields } from '../core/roster/roster-rows'
import { callFunction } from './call-function'
import type { RosterFile } from './pick-roster-file'

// The roster's calls (the account cloud function): households, their invites and bound members.

/** The households of one organisation (village, group, grid, community) the caller looks after. */
export function listHouseholds(orgId: string, search?: string): Promise<Envelope<HouseholdList>> {
  const trimmed = search?.trim()
  return callFunction('account', 'households', trimmed ? { orgId, search: trimmed } : { orgId })
}

/** 名册预览: every row of a roster file checked against the village, nothing written. */
export function previewRoster(orgId: string, file: RosterFile): Promise<Envelope<RosterPreview>> {
  return callFunction('account', 'rosterPreview', { orgId, file })
}

/** 导入名册: commits the rows the preview (named by its digest) showed as valid. */
export function importRoster(requestId: string, orgId: string, file: RosterFile, digest: string): Promise<Envelope<RosterImportResult>> {
  return callFunction('account', 'rosterImport', { requestId, orgId, file, digest })
}

/** One household with the groups and micro-grids of its village, for the edit page. */
export function householdDetail(householdId: string): Promise<Envelope<HouseholdDetail>> {
  return callFunction('account', 'householdDetail', { householdId })
}

export type HouseholdChanges = HouseholdFields

export function updateHousehold(requestId: string, householdId: string, changes: HouseholdChanges): Promise<Envelope<HouseholdDetail>> {
  return callFunction('account', 'updateHousehold', { requestId, householdId, ...changes })
}

/** A new one-time invite code for a household; the first answer is the only place the code appears (a repeat gets its tail). */
export function issueInvite(requestId: string, householdId: string): Promise<Envelope<ShownOnce<IssuedInvite>>> {
  return callFunction('account', 'issueInvite', { requestId, householdId })
}

export function revokeInvite(requestId: string, inviteId: number): Promise<Envelope<InviteView>> {
  return callFunction('account', 'revokeInvite', { requestId, inviteId })
}

export function listInvites(householdId: string): Promise<Envelope<InviteView[]>> {
  return callFunction('account', 'invites', { householdId })
}

/** 绑定我家: a wrong, used, expired or revoked code comes back as `{ bound: false, message }`. */
export function bindHousehold(requestId: string, code: string, displayName: string): Promise<Envelope<BindResult>> {
  return callFunction('account', 'bind', { requestId, code, displayName })
}

export function listMembers(householdId: string): Promise<Envelope<MemberView[]>> {
  return callFunction('account', 'members', { householdId })
}

export function unbindMember(requestId: string, memberId: number): Promise<Envelope<MemberView>> {
  return callFunction('account', 'unbind', { requestId, memberId })
}
