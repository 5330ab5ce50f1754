/** The kinds of record in the audit trail of power, with the words the admin reads. */
export const AUDIT_ACTION_LABELS = {
  'street.create': '建立街道',
  'staff.invite': '发工作码',
  'staff.inviteRevoke': '作废工作码',
  'staff.bind': '用工作码得到角色',
  'role.revoke': '撤销角色',
  'unit.add': '新增单位',
  'unit.rename': '改名',
  'unit.retire': '撤销单位',
  'tree.import': '导入组织架构',
  'household.community': '设置居住的社区',
  'household.bind': '用邀请码绑定农户',
  'shop.villages': '设置积分超市服务的村',
  'village.settings': '修改村里的设置',
  'bank.terms': '银行发布善治贷规则',
  'points.importDraft': '起草纸质积分导入',
  'points.importConfirm': '确认纸质积分导入',
  'points.importWithdraw': '作废纸质积分导入草稿',
  'merchant.add': '商家加入联盟',
  'alliance.starTerms': '商家联盟发布星级评比规则',
  'alliance.training': '商家联盟开培训签到',
} as const

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS
