/**
 * Roles. Staff roles are granted on an organisation; "villager" is not granted but follows from
 * being a bound member of a household, and is scoped to that household's village. A 商家自治联盟's
 * committee members (联盟委员) and the supporting departments' inspectors (部门检查员) are granted on the alliance.
 */
export const STAFF_ROLES = [
  'grid_leader',
  'cadre',
  'community_scorer',
  'accountant',
  'shop_clerk',
  'admin',
  'bank_officer',
  'alliance_committee',
  'dept_inspector',
] as const
export type StaffRole = (typeof STAFF_ROLES)[number]
/** "merchant_owner", like "villager", follows from binding: the owner of a merchant of an alliance. */
export type Role = StaffRole | 'villager' | 'merchant_owner'

export const ROLE_LABELS: Record<Role, string> = {
  villager: '村民',
  grid_leader: '微网格长',
  cadre: '村干部',
  community_scorer: '社区评分员',
  accountant: '合作社会计',
  shop_clerk: '积分超市店员',
  admin: '街道管理员',
  bank_officer: '银行信贷员',
  alliance_committee: '联盟委员',
  dept_inspector: '部门检查员',
  merchant_owner: '商家店主',
}

/** The org kind each staff role is granted on. */
export const ROLE_ORG_KIND: Record<StaffRole, readonly string[]> = {
  grid_leader: ['micro_grid', 'grid'],
  cadre: ['village', 'community'],
  community_scorer: ['community'],
  accountant: ['village'],
  shop_clerk: ['shop'],
  admin: ['street'],
  bank_officer: ['bank', 'bank_branch'],
  alliance_committee: ['alliance'],
  dept_inspector: ['alliance'],
}
