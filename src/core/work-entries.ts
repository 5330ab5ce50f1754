import type { RoleView, WorkEntry } from './contracts/account'
import { MATTER_STAFF_ROLES } from './matter-policy'
import { keepsUnits } from './org-units'
import { PERMISSIONS } from './policy'
import { WAITING_WORK_LABELS } from './reminders'
import type { StaffRole } from './roles'
import { INVITABLE_ROLES } from './staff-policy'

function holds(role: RoleView['role'], allowed: readonly StaffRole[]): boolean {
  return (allowed as readonly string[]).includes(role)
}

/**
 * The work a staff role can open from the home page; the permissions themselves live in core/policy.
 * whoami answers them with each role, so the policy tables stay out of the mini-program's main package.
 */
export function workEntriesFor(role: Pick<RoleView, 'role' | 'org'>): WorkEntry[] {
  const entries: WorkEntry[] = []
  const org = encodeURIComponent(role.org.id)
  if (holds(role.role, PERMISSIONS.viewStreet)) {
    entries.push({ key: 'street', label: '街道总览', url: `/street/overview/index?orgId=${org}` })
  }
  if (holds(role.role, PERMISSIONS.score)) {
    entries.push({ key: 'inspect', label: '入户评分', url: `/work/inspect/index?orgId=${org}` })
    entries.push({ key: 'plate-scan', label: '扫门牌', url: '/pages/plate/index' })
    entries.push({ key: 'inspections', label: '我的评分记录', url: '/work/inspections/index' })
  }
  if (holds(role.role, PERMISSIONS.decideScores)) {
    entries.push({ key: 'review', label: WAITING_WORK_LABELS.review, url: `/work/review/index?orgId=${org}` })
  }
  if (holds(role.role, PERMISSIONS.score)) {
    entries.push({ key: 'notice-verify', label: WAITING_WORK_LABELS['notice-verify'], url: `/work/notice-verify/index?orgId=${org}` })
  }
  // 通报 and their numbers are per village: a bulletin is posted to, and counted for, one village's channels.
  if (holds(role.role, PERMISSIONS.decideScores) && role.org.kind === 'village') {
    entries.push({ key: 'notice-post', label: '发布整改通报', url: `/work/notice-post/index?orgId=${org}` })
  }
  if (holds(role.role, PERMISSIONS.viewHouseholds) && role.org.kind === 'village') {
    entries.push({ key: 'notice-stats', label: '整改统计', url: `/work/notice-stats/index?orgId=${org}` })
  }
  if (holds(role.role, PERMISSIONS.score)) {
    entries.push({ key: 'beauty-chart', label: '美丽积分图', url: `/work/beauty-chart/index?orgId=${org}` })
  }
  // A rule set belongs to a village, community or alliance; a street's shared set is not reachable from its org yet.
  if (holds(role.role, PERMISSIONS.editRules) && (role.org.kind === 'village' || role.org.kind === 'community' || role.org.kind === 'alliance')) {
    entries.push({ key: 'rules', label: '积分细则管理', url: `/work/rules-editor/index?orgId=${org}` })
  }
  if (holds(role.role, PERMISSIONS.viewHouseholds)) {
    entries.push({
      key: 'households',
      label: '查看农户',
      url: `/work/households/index?orgId=${encodeURIComponent(role.org.id)}`,
    })
  }
  if (holds(role.role, PERMISSIONS.manageRoster) && role.org.kind === 'village') {
    entries.push({
      key: 'roster',
      label: '名册与绑定',
      url: `/work/roster/index?orgId=${encodeURIComponent(role.org.id)}`,
    })
  }
  if (holds(role.role, PERMISSIONS.manageRoster) && role.org.kind === 'village') {
    entries.push({ key: 'plates', label: '印门牌', url: '/work/plates/index' })
  }
  // A village's paper points, once: its cadres draft the import, its accountant (or another cadre) confirms it.
  if (holds(role.role, PERMISSIONS.confirmPointsImport) && role.org.kind === 'village') {
    entries.push({ key: 'points-import', label: '纸质积分导入', url: `/work/points-import/index?orgId=${org}` })
  }
  if (holds(role.role, PERMISSIONS.manageVillageSettings) && role.org.kind === 'village') {
    entries.push({ key: 'village-settings', label: '村里的设置', url: `/work/village-settings/index?orgId=${org}` })
  }
  // The organisation tree, for whoever keeps its units (the street's admin, a village's cadre), and its
  // people, for whoever may staff it (they, and an alliance's committee inviting its inspectors).
  if (role.role !== 'villager' && role.role !== 'merchant_owner' && keepsUnits(role.role)) {
    entries.push({ key: 'org-tree', label: '组织架构', url: `/org/tree/index?orgId=${org}` })
  }
  if (role.role !== 'villager' && role.role !== 'merchant_owner' && INVITABLE_ROLES[role.role].length > 0) {
    entries.push({ key: 'people', label: '工作人员', url: `/org/people/index?orgId=${org}` })
  }
  if (holds(role.role, PERMISSIONS.viewAudit)) {
    entries.push({ key: 'audit', label: '操作记录', url: `/org/audit/index?orgId=${org}` })
  }
  // 议事待办 lists the role's organisation: the matters 首页 counted there (account.waiting).
  if (holds(role.role, MATTER_STAFF_ROLES)) {
    entries.push({ key: 'matter-work', label: WAITING_WORK_LABELS['matter-work'], url: `/matters/work/index?orgId=${org}` })
    entries.push({ key: 'matter-board', label: '议事公开栏', url: `/matters/board/index?orgId=${org}` })
  }
  if (holds(role.role, MATTER_STAFF_ROLES) && role.org.kind !== 'micro_grid') {
    entries.push({ key: 'matter-numbers', label: '议事数字', url: `/matters/numbers/index?orgId=${org}` })
  }
  if (holds(role.role, PERMISSIONS.redeemAtShop)) {
    entries.push({ key: 'redeem', label: '积分兑换（扫积分卡）', url: '/shop/redeem/index' })
  }
  // The shop pages act on the one shop the role covers: its own, or its village's.
  const shopOrVillage = role.org.kind === 'shop' || role.org.kind === 'village'
  if (holds(role.role, PERMISSIONS.viewShopReports) && shopOrVillage) {
    entries.push({ key: 'shop-summary', label: '积分超市兑换汇总', url: '/shop/summary/index' })
  }
  if (holds(role.role, PERMISSIONS.manageGoods) && shopOrVillage) {
    entries.push({ key: 'shop-goods', label: '积分超市商品管理', url: '/shop/goods/index' })
  }
  // 善治贷: the officer's own bank, from the role (a branch's officer reads its bank's terms).
  if (holds(role.role, PERMISSIONS.verifyCertificate)) {
    entries.push({ key: 'credit-verify', label: '核验积分证明', url: '/credit/verify/index' })
    entries.push({ key: 'credit-terms', label: '本行规则', url: '/credit/terms/index' })
  }
  // 商家自治联盟: its committee keeps the merchants (添加商家, 评星, 开培训签到) and prints their storefront signs;
  // everyone on it, the street's admin and a merchant's owner read the 红黑榜 and the year's 表彰榜 (public); an
  // owner signs in at a training and rectifies his shop's notices (整改通报 opens on 我店的通报).
  if (holds(role.role, PERMISSIONS.manageRoster) && role.org.kind === 'alliance') {
    entries.push({ key: 'alliance', label: '商家联盟', url: `/merchant/alliance/index?orgId=${org}` })
    entries.push({ key: 'storefront-signs', label: '印店招牌', url: `/work/plates/index?orgId=${org}` })
  }
  if (role.org.kind === 'alliance' || holds(role.role, PERMISSIONS.viewStreet)) {
    entries.push({ key: 'red-black-board', label: '红黑榜', url: `/merchant/board/index?orgId=${org}` })
    entries.push({ key: 'commendations', label: '表彰榜', url: `/merchant/commendations/index?orgId=${org}` })
  }
  if (role.org.kind === 'alliance') {
    entries.push({ key: 'merchant-ranking', label: '商家排行', url: `/merchant/ranking/index?orgId=${org}` })
  }
  if (role.role === 'merchant_owner') {
    entries.push({ key: 'training-sign-in', label: '培训签到', url: '/merchant/sign-in/index' })
    entries.push({ key: 'own-notices', label: '整改通报', url: '/pages/notices/index' })
  }
  if (holds(role.role, PERMISSIONS.runDividend) && role.org.kind === 'village') {
    entries.push({ key: 'dividend', label: '年度分红', url: `/finance/dividend/index?orgId=${encodeURIComponent(role.org.id)}` })
  }
  return entries
}
