/**
 * The organisation tree: street/town → villages (each with its cooperative) and communities;
 * a village → villager groups and grids → micro-grids; shops under the village they serve; a bank
 * that lends to the street's households (善治贷) and its branches, under the street but outside every
 * village, so no village scope covers them and no bank scope covers a village; a 商家自治联盟 (alliance)
 * under the street, whose members are merchants (member-kind.ts), likewise outside every village.
 * Every org carries a materialised path "/street/village/grid/micro-grid/" so "is X within the
 * scope of Y" is a prefix test.
 */
export const ORG_KINDS = ['street', 'village', 'community', 'villager_group', 'grid', 'micro_grid', 'shop', 'bank', 'bank_branch', 'alliance'] as const
export type OrgKind = (typeof ORG_KINDS)[number]

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  street: '街道',
  village: '村',
  community: '社区',
  villager_group: '村民小组',
  grid: '网格',
  micro_grid: '微网格',
  shop: '积分超市',
  bank: '银行',
  bank_branch: '银行支行',
  alliance: '商家联盟',
}

/** Which kinds may hang under which: the shape DOMAIN.md describes. */
const ALLOWED_PARENTS: Record<OrgKind, readonly (OrgKind | null)[]> = {
  street: [null],
  village: ['street'],
  community: ['street'],
  villager_group: ['village'],
  grid: ['village', 'community'],
  micro_grid: ['grid'],
  shop: ['village', 'community'],
  bank: ['street'],
  bank_branch: ['bank'],
  alliance: ['street'],
}

export function canHangUnder(kind: OrgKind, parentKind: OrgKind | null): boolean {
  return ALLOWED_PARENTS[kind].includes(parentKind)
}

export function childPath(parentPath: string | null, id: string): string {
  if (id.includes('/')) throw new Error(`org id must not contain "/": ${id}`)
  return `${parentPath ?? '/'}${id}/`
}

/** The street an organisation belongs to, as a path ("/st-danghu/"). */
export function streetPathOf(path: string): string {
  return `/${path.split('/').filter(Boolean)[0]}/`
}

/** True when the org at `scopePath` is the org at `targetPath` or one of its ancestors. */
export function pathCovers(scopePath: string, targetPath: string): boolean {
  return targetPath.startsWith(scopePath)
}
