import { pathCovers, type OrgKind } from './org'
import type { Grant } from './policy'
import type { StaffRole } from './roles'

/**
 * Who keeps which part of the organisation tree: the street's admin adds, renames and retires its
 * villages and communities; a village's (or community's) cadre, or the admin, its villager groups,
 * grids, micro-grids and shops; the admin also the banks that lend to the street's households and their
 * branches. The street itself comes from `npm run setup`, never from a page.
 */
export const UNIT_KEEPERS: Record<OrgKind, readonly StaffRole[]> = {
  street: [],
  village: ['admin'],
  community: ['admin'],
  villager_group: ['admin', 'cadre'],
  grid: ['admin', 'cadre'],
  micro_grid: ['admin', 'cadre'],
  shop: ['admin', 'cadre'],
  bank: ['admin'],
  bank_branch: ['admin'],
  alliance: ['admin'],
}

/** True when the role keeps some kind of unit: 组织架构 is its page (an alliance's committee keeps none, it staffs its alliance). */
export function keepsUnits(role: StaffRole): boolean {
  return Object.values(UNIT_KEEPERS).some((keepers) => keepers.includes(role))
}

/** The longest name a unit may have (园区 names like “第一网格3号微网格” fit with room). */
export const UNIT_NAME_MAX = 30

/**
 * True when the caller may add a unit of `kind` at `path` (the new unit's parent) or rename or
 * retire the unit at `path`: a keeper of that kind whose organisation covers it.
 */
export function mayKeepUnit(grants: readonly Grant[], kind: OrgKind, path: string): boolean {
  return grants.some((g) => UNIT_KEEPERS[kind].includes(g.role) && pathCovers(g.org.path, path))
}

/** What still hangs on a unit when someone asks to retire it. */
export type UnitLoad = { households: number; openNotices: number; liveChildren: number; staff: number }

/**
 * Why a unit cannot be retired yet, in plain Chinese, or null when it can. A unit with households,
 * open notices, units under it or people working on it is refused: retiring it would orphan them.
 */
export function retirementRefusal(load: UnitLoad): string | null {
  const reasons: string[] = []
  if (load.households > 0) reasons.push(`还有 ${load.households} 户农户`)
  if (load.openNotices > 0) reasons.push(`还有 ${load.openNotices} 条没整改完的通报`)
  if (load.liveChildren > 0) reasons.push(`下面还有 ${load.liveChildren} 个单位`)
  if (load.staff > 0) reasons.push(`还有 ${load.staff} 位工作人员`)
  return reasons.length > 0 ? `不能撤销：${reasons.join('，')}。请先把他们移走或撤下，再撤销。` : null
}

/**
 * Where a unit's name must be unique among live units of its kind: villages, communities and banks
 * within their street, everything else within its village, community or bank (the roster finds villager groups
 * and micro-grids by name). `parentPath` is the path of the unit's parent ("/" for a street).
 */
export function nameScopePath(kind: OrgKind, parentPath: string): string {
  if (kind === 'street' || kind === 'village' || kind === 'community' || kind === 'bank' || kind === 'alliance') return parentPath
  const [street, village] = parentPath.split('/').filter(Boolean)
  return `/${street}/${village}/`
}
