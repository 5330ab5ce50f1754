import { count, sql } from 'drizzle-orm'
import type { BindResult, HouseholdList, RosterImportResult, RosterPreview, WhoAmI } from '../../src/core/contracts/account'
import type { AuditPage, IssuedStaffInvite, OrgTree, StaffBindResult, StaffList, TreeImportResult, TreePreview, UnitView } from '../../src/core/contracts/org'
import type { SubmitResult, RuleSetView } from '../../src/core/contracts/score'
import { setUpStreet } from '../services/org/street-setup'
import type { Database } from '../store/database'
import { auditRecords, orgs, roleGrants, staffInvites } from '../store/schema'
import { functionCaller } from '../test-support/function-caller'
import { openTestDatabase } from '../test-support/test-database'
import { VILLAGE_TREE_ROWS, xlsxOf } from '../test-support/test-village-tree'
import { accountFunction } from './account'
import { orgFunction } from './org'
import { scoreFunction } from './score'

/**
 * A street put into use from an EMPTY database, through the cloud-function handlers: no demo seed,
 * no SQL. Each test builds on the one before, as the people would.
 */
let database: Database
let seq = 0
const rid = () => `req-org-${++seq}`
const functions = { org: orgFunction, account: accountFunction, score: scoreFunction }

beforeAll(async () => {
  database = await openTestDatabase()
}, 60_000)
afterAll(() => database.close())

const { call, ok, refused } = functionCaller(functions, () => database.db)
/** Everything these actions write: a refusal must leave every count as it was. */
async function footprint() {
  const tally = async (table: typeof orgs | typeof roleGrants | typeof staffInvites | typeof auditRecords) => (await database.db.select({ n: count() }).from(table))[0].n
  return { orgs: await tally(orgs), grants: await tally(roleGrants), invites: await tally(staffInvites), audit: await tally(auditRecords) }
}
const unitNamed = (tree: OrgTree, name: string) => tree.units.find((u) => u.name === name && !u.retired)!

let adminCode = ''
let streetId = ''
let villageId = ''

describe('npm run setup on an empty database', () => {
  it('When setup runs for 当湖街道, then the street exists and a one-time admin code is issued; running again creates nothing', async () => {
    const first = await setUpStreet(database.db, { name: '当湖街道' })
    expect(first).toMatchObject({ created: true, street: { kind: 'street', name: '当湖街道' }, adminInvite: { role: 'admin', status: 'active' } })
    adminCode = first.adminInvite!.code
    streetId = first.street.id
    const before = await footprint()
    const again = await setUpStreet(database.db, { name: '当湖街道' })
    expect(again).toMatchObject({ created: false, adminInvite: null, street: { id: streetId } })
    expect(await footprint()).toEqual(before)
  })

  it('When setup is given another street name by mistake, then it refuses and says how to add a second street on purpose', async () => {
    await expect(setUpStreet(database.db, { name: '当湖街道办' })).rejects.toThrow('--another-street')
    const again = await setUpStreet(database.db, { name: '当湖街道', newAdminCode: true })
    expect(again.adminInvite?.code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/)
    expect(again.adminInvite?.code).not.toBe(adminCode)
  })
})

describe('the first administrator and staff codes', () => {
  it('When the admin enters the code, then their own WeChat identity becomes the street admin; the code cannot be used twice', async () => {
    const wrong = await ok<StaffBindResult>('wx-admin', 'org', { action: 'bindStaff', requestId: rid(), code: 'WRONG234', displayName: '金伟' })
    expect(wrong).toEqual({ bound: false, reason: 'wrong', message: '工作码不对，请核对后再输一次', triesLeft: 4 })
    const bound = await ok<StaffBindResult>('wx-admin', 'org', { action: 'bindStaff', requestId: rid(), code: adminCode.toLowerCase(), displayName: '金伟' })
    expect(bound).toMatchObject({ bound: true, role: 'admin', org: { id: streetId, name: '当湖街道' } })
    const me = await ok<WhoAmI>('wx-admin', 'account', { action: 'whoami' })
    expect(me).toMatchObject({ registered: true, displayName: '金伟', roles: [{ role: 'admin', org: { id: streetId } }] })
    const twice = await ok<StaffBindResult>('wx-stranger', 'org', { action: 'bindStaff', requestId: rid(), code: adminCode, displayName: '陌生人' })
    expect(twice).toMatchObject({ bound: false, reason: 'used' })
  })

  it('When wrong codes are tried, then staff codes and household codes share one hourly limit', async () => {
    for (let i = 0; i < 3; i++) await ok<StaffBindResult>('wx-guesser', 'org', { action: 'bindStaff', requestId: rid(), code: `GUESS${i}AB`, displayName: '猜' })
    const household = await ok<BindResult>('wx-guesser', 'account', { action: 'bind', requestId: rid(), code: 'GUESSXAB', displayName: '猜' })
    expect(household).toMatchObject({ bound: false, triesLeft: 1 })
    await ok<StaffBindResult>('wx-guesser', 'org', { action: 'bindStaff', requestId: rid(), code: 'GUESSYAB', displayName: '猜' })
    const stopped = await call('wx-guesser', 'org', { action: 'bindStaff', requestId: rid(), code: adminCode, displayName: '猜' })
    expect(!stopped.ok && stopped.error).toEqual({ code: 'TOO_MANY_ATTEMPTS', message: '工作码输错次数太多，请一小时后再试，或请发码的人帮忙' })
  })
})

describe('the organisation tree, kept by the people who own it', () => {
  it('When the admin adds 赵家桥村 by hand, then it hangs under the street; the same request again changes nothing', async () => {
    const event = { action: 'addUnit', requestId: rid(), parentId: streetId, kind: 'village', name: '赵家桥村' }
    const village = await ok<UnitView>('wx-admin', 'org', event)
    expect(village).toMatchObject({ kind: 'village', name: '赵家桥村', parentId: streetId, retired: false })
    villageId = village.id
    const before = await footprint()
    expect(await ok<UnitView>('wx-admin', 'org', event)).toEqual(village)
    expect(await footprint()).toEqual(before)
  })

  it('When bad input comes (no name, a micro-grid under a village, a second 赵家桥村), then it is refused plainly and nothing is written', async () => {
    const before = await footprint()
    const tries = [
      { action: 'addUnit', requestId: rid(), parentId: streetId, kind: 'village', name: '  ' },
      { action: 'addUnit', requestId: rid(), parentId: villageId, kind: 'micro_grid', name: '孤零零' },
      { action: 'addUnit', requestId: rid(), parentId: streetId, kind: 'village', name: '赵家桥村' },
      { action: 'addUnit', requestId: rid(), parentId: streetId, kind: 'street', name: '另一个街道' },
      { action: 'issueStaffInvite', requestId: rid(), role: 'cadre', orgId: streetId },
    ]
    for (const event of tries) expect(await refused('wx-admin', 'org', event)).toBe('INVALID_INPUT')
    const answer = await call('wx-admin', 'org', tries[2])
    expect(!answer.ok && answer.error.message).toBe('已经有叫“赵家桥村”的村了')
    expect(await footprint()).toEqual(before)
  })

  it('When the admin invites a cadre who binds with their own identity, then the cadre keeps the village and adds a group by hand', async () => {
    const invite = await ok<IssuedStaffInvite>('wx-admin', 'org', { action: 'issueStaffInvite', requestId: rid(), role: 'cadre', orgId: villageId })
    expect(invite).toMatchObject({ role: 'cadre', roleLabel: '村干部', org: { id: villageId }, tail: invite.code.slice(-2), status: 'active' })
    expect(await ok<StaffBindResult>('wx-cadre', 'org', { action: 'bindStaff', requestId: rid(), code: invite.code, displayName: '陈明华' })).toMatchObject({ bound: true, role: 'cadre' })
    await ok<UnitView>('wx-cadre', 'org', { action: 'addUnit', requestId: rid(), parentId: villageId, kind: 'villager_group', name: '1组' })
    const tree = await ok<OrgTree>('wx-cadre', 'org', { action: 'tree' })
    expect(tree.root).toMatchObject({ id: villageId, name: '赵家桥村' })
    expect(tree.mayAdd[villageId]).toEqual(['villager_group', 'grid', 'shop'])
    // The cadre keeps the village's units, not the street's villages.
    expect(await refused('wx-cadre', 'org', { action: 'addUnit', requestId: rid(), parentId: streetId, kind: 'village', name: '通界村' })).toBe('FORBIDDEN')
    expect(await refused('wx-cadre', 'org', { action: 'tree', orgId: streetId })).toBe('FORBIDDEN')
  })

  it('When the rest of the tree comes from one .xlsx, then the preview shows every bad row and why; import creates the rest; importing again duplicates nothing', async () => {
    const file = { fileName: '组织架构.xlsx', contentBase64: (await xlsxOf(VILLAGE_TREE_ROWS)).toString('base64') }
    const before = await footprint()
    const preview = await ok<TreePreview>('wx-cadre', 'org', { action: 'treePreview', orgId: villageId, file })
    expect(await footprint()).toEqual(before)
    expect(preview).toMatchObject({ newCount: 5, movedCount: 0, problems: [{ line: 7, name: '无主微网格', reasons: ['没有叫“第九网格”的网格'] }] })
    expect(preview.rows.find((r) => r.name === '1组')?.change).toBe('same')
    const imported = await ok<TreeImportResult>('wx-cadre', 'org', { action: 'treeImport', requestId: rid(), orgId: villageId, file, digest: preview.digest })
    expect(imported).toMatchObject({ created: 5, moved: 0, unchanged: 1, skipped: 1 })
    const tree = await ok<OrgTree>('wx-cadre', 'org', { action: 'tree', orgId: villageId })
    expect(tree.units.find((u) => u.name === '第一网格2号微网格')?.parentId).toBe(unitNamed(tree, '第一网格').id)

    const again = await ok<TreePreview>('wx-cadre', 'org', { action: 'treePreview', orgId: villageId, file })
    const reimported = await ok<TreeImportResult>('wx-cadre', 'org', { action: 'treeImport', requestId: rid(), orgId: villageId, file, digest: again.digest })
    expect(reimported).toMatchObject({ created: 0, moved: 0, unchanged: 6 })
    expect((await ok<OrgTree>('wx-cadre', 'org', { action: 'tree' })).units).toHaveLength(tree.units.length)
  })

  it('When the roster is imported into the new groups and micro-grids, a grid leader is invited and scores, then the household sees the points after binding', async () => {
    const roster = { fileName: '名册.csv', contentBase64: Buffer.from('户主,村民小组,微网格,门牌,股数\n张建国,1组,第一网格1号微网格,1组01号,4\n李秀英,2组,第一网格2号微网格,2组01号,3\n', 'utf8').toString('base64') }
    const preview = await ok<RosterPreview>('wx-cadre', 'account', { action: 'rosterPreview', orgId: villageId, file: roster })
    expect(preview).toMatchObject({ newCount: 2, problems: [] })
    await ok<RosterImportResult>('wx-cadre', 'account', { action: 'rosterImport', requestId: rid(), orgId: villageId, file: roster, digest: preview.digest })

    const tree = await ok<OrgTree>('wx-cadre', 'org', { action: 'tree' })
    const microGrid = unitNamed(tree, '第一网格1号微网格')
    expect(microGrid.households).toBe(1)
    expect(unitNamed(tree, '第一网格').households).toBe(2)
    // A cadre may invite the grid leader of its own village, never a cadre.
    expect(await refused('wx-cadre', 'org', { action: 'issueStaffInvite', requestId: rid(), role: 'cadre', orgId: villageId })).toBe('FORBIDDEN')
    const leaderCode = await ok<IssuedStaffInvite>('wx-cadre', 'org', { action: 'issueStaffInvite', requestId: rid(), role: 'grid_leader', orgId: microGrid.id })
    await ok('wx-leader', 'org', { action: 'bindStaff', requestId: rid(), code: leaderCode.code, displayName: '王卫东' })

    // A new village scores with its own starter rules from the first day; its cadre rewrites them later.
    const rules = await ok<RuleSetView>('wx-leader', 'score', { action: 'rules', orgId: villageId })
    expect(rules.name).toBe('赵家桥村善治积分细则')
    const zhang = (await ok<HouseholdList>('wx-leader', 'account', { action: 'households', orgId: microGrid.id })).households
    expect(zhang.map((h) => h.name)).toEqual(['张建国'])
    const tidy = rules.rules.find((r) => r.code === 'starter-tidy')!
    const scored = await ok<SubmitResult>('wx-leader', 'score', { action: 'submit', requestId: rid(), householdIds: [zhang[0].id], ruleId: tidy.id })
    expect(scored.results[0]).toMatchObject({ status: 'applied', balance: 2 })
    // Outside the micro-grid the leader is refused.
    const li = (await ok<HouseholdList>('wx-cadre', 'account', { action: 'households', orgId: villageId })).households.find((h) => h.name === '李秀英')!
    expect(await refused('wx-leader', 'score', { action: 'submit', requestId: rid(), householdIds: [li.id], ruleId: tidy.id })).toBe('FORBIDDEN')

    const invite = await ok<{ code: string }>('wx-cadre', 'account', { action: 'issueInvite', requestId: rid(), householdId: zhang[0].id })
    expect(await ok<BindResult>('wx-zhang', 'account', { action: 'bind', requestId: rid(), code: invite.code, displayName: '张建国' })).toMatchObject({ bound: true })
    expect(await ok<WhoAmI>('wx-zhang', 'account', { action: 'whoami' })).toMatchObject({ household: { name: '张建国', balance: 2 } })
  })
})

describe('staff: the list, revoking a role, handing a micro-grid over', () => {
  it('When the cadre opens 工作人员, then each person shows with role and last activity, and only roles below the cadre may be revoked', async () => {
    const list = await ok<StaffList>('wx-cadre', 'org', { action: 'staff' })
    expect(list.org.id).toBe(villageId)
    expect(list.people.map((p) => [p.displayName, p.role, p.mayRevoke])).toEqual([
      ['陈明华', 'cadre', false],
      ['王卫东', 'grid_leader', true],
    ])
    expect(list.people[1].lastActiveAt).not.toBeNull()
    expect(list.mayInvite.map((r) => r.role)).toEqual(['grid_leader', 'accountant', 'shop_clerk'])
    const street = await ok<StaffList>('wx-admin', 'org', { action: 'staff' })
    expect(street.people.map((p) => p.displayName)).toEqual(['金伟', '陈明华', '王卫东'])
    expect(await refused('wx-leader', 'org', { action: 'staff' })).toBe('FORBIDDEN')
  })

  it('When a micro-grid is handed to a new leader, then binding the hand-over code ends the old leader’s role in the same step', async () => {
    const tree = await ok<OrgTree>('wx-cadre', 'org', { action: 'tree' })
    const microGrid = unitNamed(tree, '第一网格1号微网格')
    const code = await ok<IssuedStaffInvite>('wx-cadre', 'org', { action: 'issueStaffInvite', requestId: rid(), role: 'grid_leader', orgId: microGrid.id, handOver: true })
    await ok('wx-new-leader', 'org', { action: 'bindStaff', requestId: rid(), code: code.code, displayName: '沈晓峰' })
    expect(await ok<WhoAmI>('wx-leader', 'account', { action: 'whoami' })).toMatchObject({ roles: [] })
    expect(await ok<WhoAmI>('wx-new-leader', 'account', { action: 'whoami' })).toMatchObject({ roles: [{ role: 'grid_leader', org: { id: microGrid.id } }] })
    const list = await ok<StaffList>('wx-cadre', 'org', { action: 'staff' })
    expect(list.people.map((p) => p.displayName)).toEqual(['陈明华', '沈晓峰'])
  })

  it('When a role is revoked, then that person can no longer act; one’s own role cannot be revoked; a revoked code cannot bind', async () => {
    const list = await ok<StaffList>('wx-cadre', 'org', { action: 'staff' })
    const leader = list.people.find((p) => p.displayName === '沈晓峰')!
    // A cadre cannot revoke a cadre (its own role included); the admin cannot revoke its own role.
    expect(await refused('wx-cadre', 'org', { action: 'revokeRole', requestId: rid(), grantId: list.people[0].grantId })).toBe('FORBIDDEN')
    const adminGrant = (await ok<StaffList>('wx-admin', 'org', { action: 'staff' })).people.find((p) => p.role === 'admin')!
    expect(await refused('wx-admin', 'org', { action: 'revokeRole', requestId: rid(), grantId: adminGrant.grantId })).toBe('INVALID_INPUT')
    await ok('wx-cadre', 'org', { action: 'revokeRole', requestId: rid(), grantId: leader.grantId })
    expect(await refused('wx-new-leader', 'account', { action: 'households', orgId: leader.org.id })).toBe('FORBIDDEN')

    const code = await ok<IssuedStaffInvite>('wx-cadre', 'org', { action: 'issueStaffInvite', requestId: rid(), role: 'accountant', orgId: villageId })
    await ok('wx-cadre', 'org', { action: 'revokeStaffInvite', requestId: rid(), inviteId: code.id })
    expect(await ok<StaffBindResult>('wx-accountant', 'org', { action: 'bindStaff', requestId: rid(), code: code.code, displayName: '徐美芳' })).toMatchObject({ bound: false, reason: 'revoked' })
  })
})

describe('retiring units and 3.0 residence', () => {
  it('When a unit still has households it cannot be retired; an empty one can, and the roster no longer offers it', async () => {
    const tree = await ok<OrgTree>('wx-cadre', 'org', { action: 'tree' })
    const answer = await call('wx-cadre', 'org', { action: 'retireUnit', requestId: rid(), unitId: unitNamed(tree, '1组').id })
    expect(!answer.ok && answer.error).toEqual({ code: 'INVALID_INPUT', message: '不能撤销：还有 1 户农户。请先把他们移走或撤下，再撤销。' })
    const spare = await ok<UnitView>('wx-cadre', 'org', { action: 'addUnit', requestId: rid(), parentId: villageId, kind: 'villager_group', name: '9组' })
    expect(await ok<UnitView>('wx-cadre', 'org', { action: 'retireUnit', requestId: rid(), unitId: spare.id })).toMatchObject({ retired: true })
    // A leader's code still pending on a micro-grid that is retired stops working with it.
    const spareGrid = await ok<UnitView>('wx-cadre', 'org', { action: 'addUnit', requestId: rid(), parentId: unitNamed(tree, '第一网格').id, kind: 'micro_grid', name: '备用微网格' })
    const code = (await ok<IssuedStaffInvite>('wx-cadre', 'org', { action: 'issueStaffInvite', requestId: rid(), role: 'grid_leader', orgId: spareGrid.id })).code
    await ok<UnitView>('wx-cadre', 'org', { action: 'retireUnit', requestId: rid(), unitId: spareGrid.id })
    expect(await ok<StaffBindResult>('wx-latecomer', 'org', { action: 'bindStaff', requestId: rid(), code, displayName: '迟到' })).toMatchObject({ bound: false, reason: 'revoked' })
    const roster = { fileName: 'r.csv', contentBase64: Buffer.from('户主,村民小组,门牌,股数\n新户,9组,9组01号,1\n').toString('base64') }
    const preview = await ok<RosterPreview>('wx-cadre', 'account', { action: 'rosterPreview', orgId: villageId, file: roster })
    expect(preview.problems[0].reasons).toEqual(['没有叫“9组”的村民小组'])
  })

  it('When the admin adds 东湖社区 and a household moves there, then the community is set on it (and only a community of the street)', async () => {
    const community = await ok<UnitView>('wx-admin', 'org', { action: 'addUnit', requestId: rid(), parentId: streetId, kind: 'community', name: '东湖社区' })
    const [zhang] = (await ok<HouseholdList>('wx-cadre', 'account', { action: 'households', orgId: villageId, search: '张建国' })).households
    expect(await ok('wx-cadre', 'org', { action: 'setCommunity', requestId: rid(), householdId: zhang.id, communityId: community.id })).toEqual({
      householdId: zhang.id,
      community: { id: community.id, name: '东湖社区', kind: 'community' },
    })
    expect(await refused('wx-cadre', 'org', { action: 'setCommunity', requestId: rid(), householdId: zhang.id, communityId: villageId })).toBe('INVALID_INPUT')
  })
})

describe('shops and the villages they serve; the units a page offers', () => {
  let shopId = ''
  let tongjieId = ''
  const served = async (openid: string) => (await ok<OrgTree>(openid, 'org', { action: 'tree' })).shopVillages[shopId].map((v) => v.name)

  it('When the cadre adds a shop, then it serves their village; the cadre cannot add another village to it', async () => {
    tongjieId = (await ok<UnitView>('wx-admin', 'org', { action: 'addUnit', requestId: rid(), parentId: streetId, kind: 'village', name: '通界村' })).id
    shopId = (await ok<UnitView>('wx-cadre', 'org', { action: 'addUnit', requestId: rid(), parentId: villageId, kind: 'shop', name: '赵家桥积分超市' })).id
    expect(await served('wx-cadre')).toEqual(['赵家桥村'])
    const before = await footprint()
    expect(await refused('wx-cadre', 'org', { action: 'setShopVillages', requestId: rid(), shopId, villageIds: [villageId, tongjieId] })).toBe('FORBIDDEN')
    const none = await call('wx-cadre', 'org', { action: 'setShopVillages', requestId: rid(), shopId, villageIds: [] })
    expect(!none.ok && none.error.message).toBe('请至少选一个村')
    expect(await footprint()).toEqual(before)
  })

  it('When the admin lets 通界村 use the shop, then both villages are served, the same request again changes nothing, and a community is refused', async () => {
    const event = { action: 'setShopVillages', requestId: rid(), shopId, villageIds: [villageId, tongjieId] }
    expect(await ok('wx-admin', 'org', event)).toEqual({
      shop: { id: shopId, name: '赵家桥积分超市', kind: 'shop' },
      villages: [
        { id: tongjieId, name: '通界村', kind: 'village' },
        { id: villageId, name: '赵家桥村', kind: 'village' },
      ],
    })
    const before = await footprint()
    await ok('wx-admin', 'org', event)
    expect(await footprint()).toEqual(before)
    const community = unitNamed(await ok<OrgTree>('wx-admin', 'org', { action: 'tree' }), '东湖社区')
    expect(await refused('wx-admin', 'org', { action: 'setShopVillages', requestId: rid(), shopId, villageIds: [community.id] })).toBe('INVALID_INPUT')
    expect(await served('wx-cadre')).toEqual(['通界村', '赵家桥村'])
  })

  it('When a page is opened without a unit, then the admin is offered the villages of the street and the cadre both shops of the village', async () => {
    const villages = await ok('wx-admin', 'account', { action: 'workUnits', permission: 'manageVillageSettings', kinds: ['village'] })
    expect(villages).toEqual([
      { id: tongjieId, name: '通界村', kind: 'village' },
      { id: villageId, name: '赵家桥村', kind: 'village' },
    ])
    const shops = await ok<{ name: string }[]>('wx-cadre', 'account', { action: 'workUnits', permission: 'manageGoods', kinds: ['shop'] })
    expect(shops.map((s) => s.name)).toEqual(['赵家桥村积分超市', '赵家桥积分超市'])
    expect(await ok('wx-cadre', 'account', { action: 'workUnits', permission: 'viewAudit', kinds: ['street'] })).toEqual([])
    expect(await ok('wx-stranger', 'account', { action: 'workUnits', permission: 'score', kinds: ['village'] })).toEqual([])
  })
})

describe('the audit trail of power', () => {
  it('When the admin reads it, then every grant, code, org change and settings change is there with who did it', async () => {
    await ok('wx-cadre', 'account', { action: 'saveVillageSettings', requestId: rid(), orgId: villageId, gridLeaderScoresNeedApproval: true, rectifiedVisibleDays: 5 })
    const trail = await ok<AuditPage>('wx-admin', 'org', { action: 'audit' })
    const labels = trail.records.map((r) => `${r.byName}:${r.actionLabel}`)
    for (const expected of ['部署人员（npm run setup）:建立街道', '部署人员（npm run setup）:发工作码', '金伟:用工作码得到角色', '金伟:新增单位', '陈明华:导入组织架构', '沈晓峰:撤销角色', '陈明华:撤销角色', '陈明华:作废工作码', '陈明华:撤销单位', '陈明华:设置居住的社区', '金伟:设置积分超市服务的村']) {
      expect(labels).toContain(expected)
    }
    expect(trail.records[0]).toMatchObject({ byName: '陈明华', actionLabel: '修改村里的设置', after: { gridLeaderScoresNeedApproval: true, rectifiedVisibleDays: 5 } })
    expect(await refused('wx-cadre', 'org', { action: 'audit' })).toBe('FORBIDDEN')
  })

  it('When anyone tries to edit or delete an audit record in the database itself, then the database refuses', async () => {
    const before = await database.db.select().from(auditRecords)
    const refusal = { cause: expect.objectContaining({ message: expect.stringMatching(/is append-only/) }) }
    await expect(database.db.execute(sql`update audit_records set action = 'nothing' where id = ${before[0].id}`)).rejects.toMatchObject(refusal)
    await expect(database.db.execute(sql`delete from audit_records`)).rejects.toMatchObject(refusal)
    await expect(database.db.execute(sql`update village_setting_changes set after = '{}'::jsonb`)).rejects.toMatchObject(refusal)
    await expect(database.db.execute(sql`delete from village_setting_changes`)).rejects.toMatchObject(refusal)
    expect(await database.db.select().from(auditRecords)).toEqual(before)
  })
})
