import { pathCovers, type OrgKind } from './org'
import type { StaffRole } from './roles'

/** A staff role held on one organisation. */
export type Grant = {
  role: StaffRole
  org: { id: string; name: string; kind: OrgKind; path: string }
}

/**
 * Which staff roles may do what. The scope check is separate: a role only acts on what lies
 * under the organisation it was granted on.
 */
export const PERMISSIONS = {
  /** See the households (names, house numbers, balances) of an organisation. */
  viewHouseholds: ['grid_leader', 'cadre', 'community_scorer', 'accountant', 'admin', 'alliance_committee', 'dept_inspector'],
  /** Score households (or an alliance's merchants) under a rule (inspections). */
  score: ['grid_leader', 'cadre', 'community_scorer', 'alliance_committee', 'dept_inspector'],
  /** Approve or reject pending scores and claims, reverse entries, decide appeals. */
  decideScores: ['cadre', 'alliance_committee'],
  /** Edit and publish a rule set owned by an organisation. */
  editRules: ['cadre', 'admin', 'alliance_committee'],
  /** Run the cooperative's annual dividend: preview, save a draft, publish (公示), export. */
  runDividend: ['accountant', 'cadre'],
  /** Take points for goods at a shop (scan a card, enter a printed card's PIN). */
  redeemAtShop: ['shop_clerk'],
  /** Edit a shop's goods: name, price, stock, on/off shelf. */
  manageGoods: ['shop_clerk', 'cadre'],
  /** Reverse a redemption (a clerk only on the day it was made; checked in the service). */
  reverseRedemption: ['shop_clerk', 'cadre'],
  /** A shop's receipts, daily summary and reconciliation. */
  viewShopReports: ['shop_clerk', 'cadre', 'accountant', 'admin'],
  /** Set or reset the PIN of a household's printed point card. */
  manageCardPin: ['cadre'],
  /**
   * Keep a village's roster: import it, edit households, issue and revoke invite codes, unbind members;
   * on an alliance: add its merchants and issue their owners' codes.
   */
  manageRoster: ['cadre', 'admin', 'alliance_committee'],
  /** Draft the import of a village's paper 善治积分 (carried-over balances, this year's and last year's points). */
  draftPointsImport: ['cadre'],
  /** Confirm another person's draft of such an import, which writes its ledger entries. */
  confirmPointsImport: ['accountant', 'cadre'],
  /** A village's own settings: approval of grid leaders' scores, how long rectified notices stay public. */
  manageVillageSettings: ['cadre', 'admin'],
  /** Read the audit trail of power: grants, revocations, org and setting changes. */
  viewAudit: ['admin'],
  /** The street's view (街道总览): every village and community side by side, read-only. */
  viewStreet: ['admin'],
  /**
   * 善治贷: verify a points certificate addressed to the bank the role is held in (a branch's officer
   * for its bank). A bank officer holds no other permission: a bank sees nothing of villages but the
   * certificates households chose to give it.
   */
  verifyCertificate: ['bank_officer'],
  /** Publish the bank's terms (points bands → rate discount, credit line): an officer of the bank itself, not a branch. */
  publishBankTerms: ['bank_officer'],
} as const satisfies Record<string, readonly StaffRole[]>

export type Permission = keyof typeof PERMISSIONS

/** The caller's grants that carry `permission`. */
export function grantsFor(grants: readonly Grant[], permission: Permission): Grant[] {
  const roles: readonly StaffRole[] = PERMISSIONS[permission]
  return grants.filter((g) => roles.includes(g.role))
}

/**
 * The first of the caller's grants carrying `permission` that covers a target sitting in the
 * organisations whose paths are given (an organisation sits in itself; a household sits in its
 * village, group, micro-grid and, for a relocated shareholder, its residence community).
 */
export function coveringGrant(grants: readonly Grant[], permission: Permission, targetPaths: readonly string[]): Grant | undefined {
  return grantsFor(grants, permission).find((g) => targetPaths.some((p) => pathCovers(g.org.path, p)))
}

export function mayActOn(grants: readonly Grant[], permission: Permission, targetPaths: readonly string[]): boolean {
  return coveringGrant(grants, permission, targetPaths) !== undefined
}

/**
 * Where a household's points sit, for power over them: its village with the village's group and
 * micro-grid (the cooperative that pays the points), and apart from them the community a relocated
 * household lives in.
 */
export type PointsPlace = { villagePaths: readonly string[]; communityPath: string | null }

/**
 * The caller's grant carrying `permission` over one entry of a household's points (reversing it,
 * deciding a pending score or an appeal of it, opening, verifying or extending its notice), if any.
 * The village's own staff act on all of the household's entries; a community's staff (a community
 * scorer, a cadre on the community) only on the entries their own community scored: living in a
 * community does not put a household's other points in the community's hands.
 */
export function pointsGrant(grants: readonly Grant[], permission: Permission, place: PointsPlace, scoredByPath: string | null): Grant | undefined {
  return grantsFor(grants, permission).find(
    (g) =>
      place.villagePaths.some((p) => pathCovers(g.org.path, p)) ||
      (place.communityPath !== null && scoredByPath !== null && pathCovers(g.org.path, place.communityPath) && pathCovers(g.org.path, scoredByPath)),
  )
}
