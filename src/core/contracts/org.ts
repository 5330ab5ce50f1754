import { z } from 'zod'
import { rosterFile, type InviteStatus, type OrgRef } from './account'
import { recordIdSchema } from './record-id'
import { requestIdSchema } from './request-id'
import type { ShownOnce } from './shown-once'
import type { OrgKind } from '../org'
import { UNIT_NAME_MAX } from '../org-units'
import type { TreeProblem, TreeUnitKind } from '../org-tree-rows'
import { STAFF_ROLES, type StaffRole } from '../roles'

const orgId = z.string().min(1).max(64)
const unitName = z
  .string()
  .trim()
  .min(1, '请填写名称')
  .max(UNIT_NAME_MAX, `名称最多 ${UNIT_NAME_MAX} 个字`)
  .regex(/^[^\p{C}<>/]+$/u, '名称里有不能用的符号')
/** The kinds a page adds by hand: the street comes from `npm run setup`. */
const unitKind = z.enum(['village', 'community', 'villager_group', 'grid', 'micro_grid', 'shop', 'bank', 'bank_branch', 'alliance'])

/**
 * Inputs of the `org` cloud function: the organisation tree, staff codes and roles, the audit trail.
 * An `orgId` left out means the caller's own organisation (the admin's street, the cadre's village).
 */
export const orgInputs = {
  tree: z.object({ orgId: orgId.optional() }),
  addUnit: z.object({ requestId: requestIdSchema, parentId: orgId, kind: unitKind, name: unitName }),
  renameUnit: z.object({ requestId: requestIdSchema, unitId: orgId, name: unitName }),
  retireUnit: z.object({ requestId: requestIdSchema, unitId: orgId }),
  /** Version 3.0: the community a relocated household now lives in (null: none). */
  setCommunity: z.object({ requestId: requestIdSchema, householdId: z.string().min(1).max(64), communityId: orgId.nullable() }),
  /** The villages whose households a shop serves (redeem there): the whole new list. */
  setShopVillages: z.object({
    requestId: requestIdSchema,
    shopId: orgId,
    villageIds: z.array(orgId).min(1, '请至少选一个村').max(100, '最多选 100 个村'),
  }),
  treePreview: z.object({ orgId, file: rosterFile }),
  treeImport: z.object({ requestId: requestIdSchema, orgId, file: rosterFile, digest: z.string().regex(/^[a-f0-9]{64}$/) }),
  /** `handOver`: binding also ends the role of whoever holds it on that org now (a micro-grid's new leader). */
  issueStaffInvite: z.object({ requestId: requestIdSchema, role: z.enum(STAFF_ROLES), orgId, handOver: z.boolean().default(false) }),
  revokeStaffInvite: z.object({ requestId: requestIdSchema, inviteId: recordIdSchema }),
  staffInvites: z.object({ orgId: orgId.optional() }),
  /** A wrong, used, expired or revoked code is answered (not thrown) so the failed try is kept. */
  bindStaff: z.object({
    requestId: requestIdSchema,
    code: z.string().trim().min(1, '请填写工作码').max(20, '工作码是 8 位'),
    displayName: z
      .string()
      .trim()
      .min(1, '请填写您的名字')
      .max(20, '您的名字最多 20 个字')
      .regex(/^[^\p{C}<>]+$/u, '您的名字里有不能用的符号'),
  }),
  staff: z.object({ orgId: orgId.optional() }),
  revokeRole: z.object({ requestId: requestIdSchema, grantId: recordIdSchema }),
  /** The admin's audit trail, newest first. */
  audit: z.object({ orgId: orgId.optional() }),
}

export type UnitView = {
  id: string
  name: string
  kind: OrgKind
  parentId: string | null
  retired: boolean
  /** Households that sit in the unit (or under it). */
  households: number
}
export type OrgTree = {
  root: UnitView
  /** Every unit under the root, the root first, parents before children, retired ones marked. */
  units: UnitView[]
  /** Which kinds the caller may add under which units: `unitId → kinds`. */
  mayAdd: Record<string, OrgKind[]>
  /** The communities of the street a relocated household may be placed in (3.0). */
  communities: OrgRef[]
  /** Each shop of the tree with the villages it serves. */
  shopVillages: Record<string, OrgRef[]>
}
export type ShopVillagesView = { shop: OrgRef; villages: OrgRef[] }

export type TreePreviewRow = { line: number; kind: TreeUnitKind; name: string; grid: string | null; change: 'new' | 'moved' | 'same' }
export type TreePreview = {
  village: OrgRef
  fileName: string
  rows: TreePreviewRow[]
  problems: TreeProblem[]
  newCount: number
  movedCount: number
  digest: string
}
export type TreeImportResult = { village: OrgRef; created: number; moved: number; unchanged: number; skipped: number }

export type StaffInviteView = {
  id: number
  role: StaffRole
  roleLabel: string
  org: OrgRef
  tail: string
  handOver: boolean
  status: InviteStatus
  issuedAt: string
  expiresAt: string
  usedBy: string | null
}
/** The code appears here once; the database keeps only its hash. */
export type IssuedStaffInvite = StaffInviteView & { code: string }

export type StaffBindResult =
  | { bound: true; role: StaffRole; roleLabel: string; org: OrgRef }
  | { bound: false; reason: 'wrong' | 'used' | 'expired' | 'revoked'; message: string; triesLeft: number }

export type StaffMemberView = {
  grantId: number
  displayName: string
  role: StaffRole
  roleLabel: string
  org: OrgRef
  since: string
  /** The person's latest state change anywhere (a score, a save…), or null if none yet. */
  lastActiveAt: string | null
  /** May the caller revoke this role (by the policy, and never their own). */
  mayRevoke: boolean
}
export type StaffList = { org: OrgRef; people: StaffMemberView[]; mayInvite: { role: StaffRole; label: string; orgKinds: OrgKind[] }[] }

export type AuditRecordView = {
  id: string
  at: string
  byName: string
  action: string
  /** The action in plain Chinese: “发工作码”, “撤销角色”, “新增单位”… */
  actionLabel: string
  org: OrgRef | null
  before: unknown
  after: unknown
}
/** The newest records (at most AUDIT_PAGE_SIZE) about the organisation and everything under it. */
export type AuditPage = { org: OrgRef; records: AuditRecordView[] }
export const AUDIT_PAGE_SIZE = 200

export type OrgOutputs = {
  tree: OrgTree
  addUnit: UnitView
  renameUnit: UnitView
  retireUnit: UnitView
  setCommunity: { householdId: string; community: OrgRef | null }
  setShopVillages: ShopVillagesView
  treePreview: TreePreview
  treeImport: TreeImportResult
  issueStaffInvite: ShownOnce<IssuedStaffInvite>
  revokeStaffInvite: StaffInviteView
  staffInvites: StaffInviteView[]
  bindStaff: StaffBindResult
  staff: StaffList
  revokeRole: StaffMemberView
  audit: AuditPage
}
