import type {
  BindResult,
  DoorPlateView,
  HouseholdDetail,
  HouseholdList,
  InviteView,
  IssuedInvite,
  MemberView,
  MyData,
  MyDataExport,
  OrgRef,
  PlateOpening,
  PlateSheet,
  RosterImportResult,
  RosterPreview,
  VillageSettingsView,
  Waiting,
  WhoAmI,
  WithdrawResult,
} from '../core/contracts/account'
import type { Envelope } from '../core/contracts/envelope'
import type { ShownOnce } from '../core/contracts/shown-once'
import type { OrgKind } from '../core/org'
import type { Permission } from '../core/policy'
import type { HouseholdFields } from '../core/roster/roster-rows'
import type { VillageSettings } from '../core/village-settings'
import { callFunction } from './call-function'
import type { RosterFile } from './pick-roster-file'
import { readDemoOpenId } from './demo-identity'
import { withKeptCopy } from './kept-copy'

/** Who the caller is: registered or not, roles with their organisations, own household. */
export async function whoami(): Promise<Envelope<WhoAmI>> {
  // Kept per demo identity (one key in the mini-program): without signal a leader still sees 入户评分.
  return (await withKeptCopy(`whoami:${readDemoOpenId() ?? ''}`, () => callFunction<'account', 'whoami'>('account', 'whoami', {}))).answer
}

/** What waits for the caller: the household's open 整改 and the staff work waiting, for 首页. */
export function waiting(): Promise<Envelope<Waiting>> {
  return callFunction('account', 'waiting', {})
}

/** The units a page working on `kinds` may act on for the caller: its picker when there are several. */
export function workUnits(permission: Permission, kinds: OrgKind[]): Promise<Envelope<OrgRef[]>> {
  return callFunction('account', 'workUnits', { permission, kinds })
}

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

/** 村里的设置 of a village (its cadre or the street's admin). */
export function villageSettings(orgId: string): Promise<Envelope<VillageSettingsView>> {
  return callFunction('account', 'villageSettings', { orgId })
}

export function saveVillageSettings(requestId: string, orgId: string, settings: VillageSettings): Promise<Envelope<VillageSettingsView>> {
  return callFunction('account', 'saveVillageSettings', { requestId, orgId, ...settings })
}

/** 我的信息: what the app holds about me and my household. */
export function myData(): Promise<Envelope<MyData>> {
  return callFunction('account', 'myData', {})
}

/** 我的信息 as one .xlsx file. */
export function exportMyData(): Promise<Envelope<MyDataExport>> {
  return callFunction('account', 'exportMyData', {})
}

/** 解除绑定: my WeChat binding and my own data go; the household's ledger stays. */
export function withdraw(requestId: string): Promise<Envelope<WithdrawResult>> {
  return callFunction('account', 'withdraw', { requestId })
}

/** 印门牌: the door plates of a group or micro-grid; households without one get one. */
export function printPlates(requestId: string, orgId: string): Promise<Envelope<PlateSheet>> {
  return callFunction('account', 'printPlates', { requestId, orgId })
}

/** 补门牌: a new plate for a household; the old one's code stops working. */
export function reissuePlate(requestId: string, householdId: string): Promise<Envelope<DoorPlateView>> {
  return callFunction('account', 'reissuePlate', { requestId, householdId })
}

/** A scanned plate (its QR's text or link) or its typed code, opened as the caller may see it. */
export function openPlate(plate: string): Promise<Envelope<PlateOpening>> {
  return callFunction('account', 'openPlate', { plate })
}
