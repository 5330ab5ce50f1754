import { ORG_KIND_LABELS, type OrgKind } from '../../core/org'
import { ROLE_LABELS, type Role } from '../../core/roles'

const FIELD_LABELS: Record<string, string> = {
  name: '名称',
  kind: '类型',
  parent: '上级',
  role: '岗位',
  tail: '工作码尾号',
  handOver: '换人',
  retired: '撤销',
  community: '居住社区',
  household: '户主',
  houseNo: '门牌',
  openid: '微信',
  issuedBy: '发码人',
  inviteTail: '邀请码尾号',
  handedOverTo: '交给',
  created: '新增',
  moved: '换网格',
  gridLeaderScoresNeedApproval: '微网格长评分要审核',
  rectifiedVisibleDays: '整改好的通报公开天数',
  photoKeptDays: '结案后照片保存天数',
  // 善治贷: a bank's published terms.
  version: '版本',
  effectiveFrom: '生效日期',
  basis: '按哪年的积分',
  bands: '优惠档次',
}

function valueText(key: string, value: unknown): string {
  if (value === null || value === undefined) return '无'
  if (typeof value === 'boolean') return value ? '是' : '否'
  if (key === 'role' && typeof value === 'string' && value in ROLE_LABELS) return ROLE_LABELS[value as Role]
  if (key === 'kind' && typeof value === 'string' && value in ORG_KIND_LABELS) return ORG_KIND_LABELS[value as OrgKind]
  if (Array.isArray(value)) return value.length > 0 ? value.join('、') : '无'
  return String(value)
}

/** Whether an audit record's before or after shows a staff code's tail (工作码尾号), which the page then explains. */
export function showsCodeTail(change: unknown): boolean {
  return typeof change === 'object' && change !== null && 'tail' in change
}

/** An audit record's before or after as the admin reads it: “岗位：村干部，工作码尾号：K7”. */
export function describeChange(change: unknown): string {
  if (typeof change !== 'object' || change === null) return ''
  return Object.entries(change)
    .map(([key, value]) => `${FIELD_LABELS[key] ?? key}：${valueText(key, value)}`)
    .join('，')
}
