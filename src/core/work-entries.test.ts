import type { RoleView } from './contracts/account'
import { PERMISSIONS } from './policy'
import { STAFF_ROLES } from './roles'
import { workEntriesFor } from './work-entries'

const village = { id: 'v-zjq', name: '赵家桥村', kind: 'village' as const }

function role(name: RoleView['role']): Pick<RoleView, 'role' | 'org'> {
  return { role: name, org: village }
}

describe('workEntriesFor', () => {
  it('offers 查看农户 on the granted org exactly to the roles that may view households', () => {
    for (const name of STAFF_ROLES) {
      const labels = workEntriesFor(role(name)).map((entry) => entry.label)
      expect(labels.includes('查看农户')).toBe((PERMISSIONS.viewHouseholds as readonly string[]).includes(name))
    }
    expect(workEntriesFor(role('cadre'))).toContainEqual(
      expect.objectContaining({ url: '/work/households/index?orgId=v-zjq' }),
    )
  })

  it('offers 纸质积分导入 on a village to its cadre and its accountant, and not to a grid leader or a shop clerk', () => {
    expect(workEntriesFor(role('cadre'))).toContainEqual(expect.objectContaining({ label: '纸质积分导入', url: '/work/points-import/index?orgId=v-zjq' }))
    expect(workEntriesFor(role('accountant')).map((entry) => entry.label)).toContain('纸质积分导入')
    for (const name of ['grid_leader', 'shop_clerk', 'admin'] as const) expect(workEntriesFor(role(name)).map((entry) => entry.label)).not.toContain('纸质积分导入')
  })

  it('offers 名册与绑定 to a cadre of a village, and not to a grid leader', () => {
    expect(workEntriesFor(role('cadre'))).toContainEqual(expect.objectContaining({ label: '名册与绑定', url: '/work/roster/index?orgId=v-zjq' }))
    expect(workEntriesFor(role('grid_leader')).map((entry) => entry.label)).not.toContain('名册与绑定')
  })

  it('offers the scoring work to the roles that score, and review and rules to a village cadre', () => {
    const labels = (name: RoleView['role'], org: RoleView['org'] = village) => workEntriesFor({ role: name, org }).map((e) => e.label)
    const microGrid = { id: 'mg-zjq-1-1', name: '第一网格1号微网格', kind: 'micro_grid' as const }
    expect(labels('grid_leader', microGrid)).toEqual(expect.arrayContaining(['入户评分', '我的评分记录', '美丽积分图']))
    expect(labels('grid_leader', microGrid)).not.toContain('待我审核')
    expect(labels('cadre')).toEqual(expect.arrayContaining(['入户评分', '待我审核', '美丽积分图', '积分细则管理']))
    expect(labels('accountant')).not.toContain('入户评分')
    expect(workEntriesFor(role('cadre'))).toContainEqual(expect.objectContaining({ url: '/work/inspect/index?orgId=v-zjq' }))
  })

  it('offers 整改核验 to the roles that score, and 发布整改通报 and 整改统计 on a village', () => {
    const labels = (name: RoleView['role'], org: RoleView['org'] = village) => workEntriesFor({ role: name, org }).map((e) => e.label)
    const microGrid = { id: 'mg-zjq-1-1', name: '第一网格1号微网格', kind: 'micro_grid' as const }
    expect(labels('grid_leader', microGrid)).toContain('整改核验')
    expect(labels('grid_leader', microGrid)).not.toContain('发布整改通报')
    expect(labels('cadre')).toEqual(expect.arrayContaining(['整改核验', '发布整改通报', '整改统计']))
    expect(labels('accountant')).toEqual(expect.arrayContaining(['整改统计']))
    expect(labels('accountant')).not.toContain('整改核验')
    expect(workEntriesFor(role('cadre'))).toContainEqual(expect.objectContaining({ url: '/work/notice-post/index?orgId=v-zjq' }))
  })

  it('offers the shop’s 兑换汇总 and 商品管理 to its clerk and to a cadre of its village, and the summary alone to the accountant', () => {
    const labels = (name: RoleView['role'], org: RoleView['org'] = village) => workEntriesFor({ role: name, org }).map((e) => e.label)
    const shop = { id: 'shop-zjq', name: '赵家桥村积分超市', kind: 'shop' as const }
    expect(labels('shop_clerk', shop)).toEqual(['积分兑换（扫积分卡）', '积分超市兑换汇总', '积分超市商品管理'])
    expect(labels('cadre')).toEqual(expect.arrayContaining(['积分超市兑换汇总', '积分超市商品管理']))
    expect(labels('cadre')).not.toContain('积分兑换（扫积分卡）')
    expect(labels('accountant')).toContain('积分超市兑换汇总')
    expect(labels('accountant')).not.toContain('积分超市商品管理')
    expect(labels('grid_leader', { id: 'mg-zjq-1-1', name: '第一网格1号微网格', kind: 'micro_grid' })).not.toContain('积分超市兑换汇总')
  })

  it('offers 村里的设置 to a cadre of a village, and not to its grid leader or accountant', () => {
    expect(workEntriesFor(role('cadre'))).toContainEqual({ key: 'village-settings', label: '村里的设置', url: '/work/village-settings/index?orgId=v-zjq' })
    expect(workEntriesFor(role('accountant')).map((e) => e.label)).not.toContain('村里的设置')
    expect(workEntriesFor({ role: 'grid_leader', org: { id: 'mg-zjq-1-1', name: '第一网格1号微网格', kind: 'micro_grid' } }).map((e) => e.label)).not.toContain('村里的设置')
  })

  it('gives a villager no staff work', () => {
    expect(workEntriesFor(role('villager'))).toEqual([])
  })

  it('offers 组织架构 and 工作人员 to the street admin and a village cadre, and 操作记录 to the admin alone', () => {
    const street = { id: 'st-danghu', name: '当湖街道', kind: 'street' as const }
    const admin = workEntriesFor({ role: 'admin', org: street })
    expect(admin).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ label: '组织架构', url: '/org/tree/index?orgId=st-danghu' }),
        expect.objectContaining({ label: '工作人员', url: '/org/people/index?orgId=st-danghu' }),
        expect.objectContaining({ label: '操作记录', url: '/org/audit/index?orgId=st-danghu' }),
      ]),
    )
    const labels = (name: RoleView['role']) => workEntriesFor(role(name)).map((e) => e.label)
    expect(labels('cadre')).toEqual(expect.arrayContaining(['组织架构', '工作人员']))
    expect(labels('cadre')).not.toContain('操作记录')
    for (const name of ['grid_leader', 'accountant', 'shop_clerk', 'community_scorer'] as const) expect(labels(name)).not.toContain('工作人员')
  })

  it('offers 议事待办 and 议事公开栏 to grid leaders, cadres and the street admin, 议事数字 above a micro-grid, and nothing of it to the shop or the accountant', () => {
    const labels = (name: RoleView['role'], org: RoleView['org'] = village) => workEntriesFor({ role: name, org }).map((e) => e.label)
    const microGrid = { id: 'mg-zjq-1-1', name: '第一网格1号微网格', kind: 'micro_grid' as const }
    expect(labels('grid_leader', microGrid)).toEqual(expect.arrayContaining(['议事待办', '议事公开栏']))
    expect(labels('grid_leader', microGrid)).not.toContain('议事数字')
    expect(labels('cadre')).toEqual(expect.arrayContaining(['议事待办', '议事公开栏', '议事数字']))
    expect(labels('admin', { id: 'st-danghu', name: '当湖街道', kind: 'street' })).toContain('议事数字')
    for (const name of ['shop_clerk', 'accountant', 'community_scorer'] as const) expect(labels(name).filter((l) => l.startsWith('议事'))).toEqual([])
  })

  it('leads the street admin, first of all, to 街道总览 of the street, and no other role to it', () => {
    const street = { id: 'st-danghu', name: '当湖街道', kind: 'street' as const }
    expect(workEntriesFor({ role: 'admin', org: street })[0]).toEqual({ key: 'street', label: '街道总览', url: '/street/overview/index?orgId=st-danghu' })
    for (const name of ['cadre', 'grid_leader', 'accountant', 'shop_clerk', 'community_scorer', 'villager'] as const) {
      expect(workEntriesFor(role(name)).map((e) => e.label)).not.toContain('街道总览')
    }
  })

  it('offers a bank officer only 核验积分证明 and 本行规则, and no other role those', () => {
    const bank = { id: 'bk-pinghu', name: '平湖农商银行', kind: 'bank' as const }
    expect(workEntriesFor({ role: 'bank_officer', org: bank }).map((e) => e.label)).toEqual(['核验积分证明', '本行规则'])
    for (const name of STAFF_ROLES.filter((r) => r !== 'bank_officer')) {
      expect(workEntriesFor(role(name)).map((e) => e.key).filter((key) => key.startsWith('credit'))).toEqual([])
    }
  })
  it("leads the alliance's people to their pages: 商家联盟 for its committee, 红黑榜 and 表彰榜 for everyone on it and the street's admin, 培训签到 and 整改通报 for an owner", () => {
    const alliance = { id: 'a-dh', name: '当湖商家自治联盟', kind: 'alliance' as const }
    const street = { id: 's-dh', name: '当湖街道', kind: 'street' as const }
    const on = (name: RoleView['role'], org: RoleView['org']) => workEntriesFor({ role: name, org })
    expect(on('alliance_committee', alliance)).toContainEqual({ key: 'alliance', label: '商家联盟', url: '/merchant/alliance/index?orgId=a-dh' })
    expect(on('dept_inspector', alliance).map((e) => e.label)).toEqual(expect.arrayContaining(['入户评分', '红黑榜']))
    expect(on('dept_inspector', alliance).map((e) => e.label)).not.toContain('商家联盟')
    // The committee invites its inspectors (工作人员) and keeps no units (no 组织架构).
    expect(on('alliance_committee', alliance).map((e) => e.label)).toContain('工作人员')
    expect(on('alliance_committee', alliance).map((e) => e.label)).not.toContain('组织架构')
    expect(on('admin', street)).toContainEqual({ key: 'red-black-board', label: '红黑榜', url: '/merchant/board/index?orgId=s-dh' })
    expect(on('merchant_owner', alliance).map((e) => e.label)).toEqual(['红黑榜', '表彰榜', '商家排行', '培训签到', '整改通报'])
    expect(on('dept_inspector', alliance)).toContainEqual({ key: 'merchant-ranking', label: '商家排行', url: '/merchant/ranking/index?orgId=a-dh' })
    expect(on('admin', street).map((e) => e.label)).not.toContain('商家排行')
    expect(on('alliance_committee', alliance)).toContainEqual({ key: 'storefront-signs', label: '印店招牌', url: '/work/plates/index?orgId=a-dh' })
    expect(on('dept_inspector', alliance).map((e) => e.label)).not.toContain('印店招牌')
    expect(on('alliance_committee', alliance)).toContainEqual({ key: 'rules', label: '积分细则管理', url: '/work/rules-editor/index?orgId=a-dh' })
    expect(on('dept_inspector', alliance).map((e) => e.label)).not.toContain('积分细则管理')
    expect(on('alliance_committee', alliance)).toContainEqual({ key: 'commendations', label: '表彰榜', url: '/merchant/commendations/index?orgId=a-dh' })
    expect(on('cadre', village).map((e) => e.label)).not.toContain('表彰榜')
    expect(on('cadre', village).map((e) => e.label)).not.toContain('红黑榜')
  })
})
