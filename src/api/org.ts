import type { Envelope } from '../core/contracts/envelope'
import type { ShownOnce } from '../core/contracts/shown-once'
import type {
  AuditPage,
  IssuedStaffInvite,
  OrgTree,
  ShopVillagesView,
  StaffBindResult,
  StaffInviteView,
  StaffList,
  StaffMemberView,
  TreeImportResult,
  TreePreview,
  UnitView,
} from '../core/contracts/org'
import type { OrgKind } from '../core/org'
import type { StaffRole } from '../core/roles'
import { callFunction } from './call-function'
import type { RosterFile } from './pick-roster-file'

/** Where an org id is optional, none means the caller's own (the admin's street, the cadre's village). */
const own = (orgId: string | undefined) => (orgId ? { orgId } : {})

export function orgTree(orgId?: string): Promise<Envelope<OrgTree>> {
  return callFunction('org', 'tree', own(orgId))
}

export function addUnit(requestId: string, parentId: string, kind: Exclude<OrgKind, 'street'>, name: string): Promise<Envelope<UnitView>> {
  return callFunction('org', 'addUnit', { requestId, parentId, kind, name })
}

export function renameUnit(requestId: string, unitId: string, name: string): Promise<Envelope<UnitView>> {
  return callFunction('org', 'renameUnit', { requestId, unitId, name })
}

export function retireUnit(requestId: string, unitId: string): Promise<Envelope<UnitView>> {
  return callFunction('org', 'retireUnit', { requestId, unitId })
}

/** 村社联动 (3.0): the community a relocated household lives in (null: back in its village). */
export function setCommunity(requestId: string, householdId: string, communityId: string | null) {
  return callFunction('org', 'setCommunity', { requestId, householdId, communityId })
}

/** 组织架构预览: every row of the file checked against the village, nothing written. */
/** The whole list of villages whose households may redeem at a shop. */
export function setShopVillages(requestId: string, shopId: string, villageIds: string[]): Promise<Envelope<ShopVillagesView>> {
  return callFunction('org', 'setShopVillages', { requestId, shopId, villageIds })
}

export function previewTree(orgId: string, file: RosterFile): Promise<Envelope<TreePreview>> {
  return callFunction('org', 'treePreview', { orgId, file })
}

export function importTree(requestId: string, orgId: string, file: RosterFile, digest: string): Promise<Envelope<TreeImportResult>> {
  return callFunction('org', 'treeImport', { requestId, orgId, file, digest })
}

/** A one-time staff code; the first answer is the only place the code appears (a repeat gets its tail). */
export function issueStaffInvite(requestId: string, role: StaffRole, orgId: string, handOver: boolean): Promise<Envelope<ShownOnce<IssuedStaffInvite>>> {
  return callFunction('org', 'issueStaffInvite', { requestId, role, orgId, handOver })
}

export function revokeStaffInvite(requestId: string, inviteId: number): Promise<Envelope<StaffInviteView>> {
  return callFunction('org', 'revokeStaffInvite', { requestId, inviteId })
}

export function listStaffInvites(orgId?: string): Promise<Envelope<StaffInviteView[]>> {
  return callFunction('org', 'staffInvites', own(orgId))
}

/** 工作人员绑定: a wrong, used, expired or revoked code comes back as `{ bound: false, message }`. */
export function bindStaff(requestId: string, code: string, displayName: string): Promise<Envelope<StaffBindResult>> {
  return callFunction('org', 'bindStaff', { requestId, code, displayName })
}

export function listStaff(orgId?: string): Promise<Envelope<StaffList>> {
  return callFunction('org', 'staff', own(orgId))
}

export function revokeRole(requestId: string, grantId: number): Promise<Envelope<StaffMemberView>> {
  return callFunction('org', 'revokeRole', { requestId, grantId })
}

export function auditTrail(orgId?: string): Promise<Envelope<AuditPage>> {
  return callFunction('org', 'audit', own(orgId))
}
