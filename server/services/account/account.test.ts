import type { Database } from '../../store/database'
import { DEMO_IDENTITIES } from '../../demo/seed'
import { openDemoTestDatabase } from '../../test-support/test-database'
import { listHouseholds, whoami } from './account'
import { findCaller } from '../shared/caller'

let database: Database
beforeAll(async () => {
  database = await openDemoTestDatabase()
})
afterAll(() => database.close())

describe('identity resolution', () => {
  it('When an openid is unknown, then there is no caller', async () => {
    expect(await findCaller(database.db, 'stranger')).toBeNull()
  })

  it('When a cadre calls, then their grant carries the village and its path', async () => {
    const caller = await findCaller(database.db, 'demo-cadre')
    expect(caller?.grants).toEqual([
      { role: 'cadre', org: { id: 'v-zjq', name: '赵家桥村', kind: 'village', path: '/st-danghu/v-zjq/' } },
    ])
    expect(caller?.householdId).toBeNull()
  })

  it('When a villager calls, then they resolve to their household and hold no staff grant', async () => {
    const caller = await findCaller(database.db, 'demo-villager')
    expect(caller).toMatchObject({ householdId: 'h-zjq-01', grants: [] })
  })
})

describe('whoami', () => {
  const expectedRoles: Record<string, [string, string][]> = {
    'demo-villager': [['villager', 'v-zjq']],
    'demo-villager-2': [['villager', 'v-zjq']],
    'demo-grid-leader': [['grid_leader', 'mg-zjq-1-1']],
    'demo-cadre': [['cadre', 'v-zjq']],
    'demo-cadre-other': [['cadre', 'v-tj']],
    'demo-community': [['community_scorer', 'c-donghu']],
    'demo-accountant': [['accountant', 'v-zjq']],
    'demo-shop': [['shop_clerk', 'shop-zjq']],
    'demo-admin': [['admin', 'st-danghu']],
    'demo-bank': [['bank_officer', 'bk-pinghu']],
    'demo-alliance': [['alliance_committee', 'al-danghu']],
    'demo-inspector': [['dept_inspector', 'al-danghu']],
    'demo-merchant': [['merchant_owner', 'al-danghu']],
  }

  it.each(DEMO_IDENTITIES.map((d) => d.openid))('When %s asks who they are, then the roles and organisations are theirs', async (openid) => {
    const me = await whoami(database.db, openid)
    if (!me.registered) throw new Error('demo user not registered')
    expect(me.roles.map((r) => [r.role, r.org.id])).toEqual(expectedRoles[openid])
    expect(me.roles.every((r) => r.label.length > 0 && r.org.name.length > 0)).toBe(true)
  })

  it('When a cadre, a shop owner and a villager ask, then each role carries the buttons 首页 shows for it', async () => {
    const labelsOf = async (openid: string) => {
      const me = await whoami(database.db, openid)
      if (!me.registered) throw new Error('demo user not registered')
      return me.roles.map((r) => r.entries.map((e) => e.label))
    }
    const [cadre] = await labelsOf('demo-cadre')
    expect(cadre).toEqual(expect.arrayContaining(['入户评分', '待我审核', '名册与绑定', '年度分红']))
    const me = await whoami(database.db, 'demo-cadre')
    expect(me.registered && me.roles[0].entries.find((e) => e.key === 'roster')?.url).toBe('/work/roster/index?orgId=v-zjq')
    expect(await labelsOf('demo-merchant')).toEqual([['红黑榜', '表彰榜', '商家排行', '培训签到', '整改通报']])
    expect(await labelsOf('demo-villager')).toEqual([[]])
  })

  it('When the two demo villagers ask, then each sees a different household of the same micro-grid, with a positive balance', async () => {
    const one = await whoami(database.db, 'demo-villager')
    const two = await whoami(database.db, 'demo-villager-2')
    if (!one.registered || !two.registered || !one.household || !two.household) throw new Error('no household')
    expect(one.household.id).not.toBe(two.household.id)
    expect(one.household.microGrid?.id).toBe('mg-zjq-1-1')
    expect(two.household.microGrid?.id).toBe('mg-zjq-1-1')
    expect(one.household.balance).toBeGreaterThan(0)
    expect(two.household.balance).toBeGreaterThan(0)
    expect(one.household.shares).toBeGreaterThan(0)
  })

  it('When a staff member asks, then there is no household', async () => {
    const me = await whoami(database.db, 'demo-cadre')
    expect(me.registered && me.household).toBeNull()
  })

  it('When an unknown openid asks, then the answer says not registered instead of failing', async () => {
    expect(await whoami(database.db, 'stranger')).toEqual({ registered: false, openid: 'stranger' })
  })
})

describe('households of an organisation', () => {
  it('When a cadre lists the village, then all 32 households of 赵家桥村 come back', async () => {
    const list = await listHouseholds(database.db, 'demo-cadre', { orgId: 'v-zjq' })
    expect(list.households).toHaveLength(32)
    expect(new Set(list.households.map((h) => h.village.id))).toEqual(new Set(['v-zjq']))
  })

  it('When a grid leader lists their micro-grid, then only its households come back, and search narrows them', async () => {
    const all = await listHouseholds(database.db, 'demo-grid-leader', { orgId: 'mg-zjq-1-1' })
    expect(all.households).toHaveLength(8)
    const found = await listHouseholds(database.db, 'demo-grid-leader', { orgId: 'mg-zjq-1-1', search: '李秀' })
    expect(found.households.map((h) => h.name)).toEqual(['李秀英'])
  })

  it('When a community scorer lists the community, then the relocated 通界村 households living there come back', async () => {
    const list = await listHouseholds(database.db, 'demo-community', { orgId: 'c-donghu' })
    expect(list.households).toHaveLength(4)
    expect(list.households.every((h) => h.village.id === 'v-tj')).toBe(true)
  })

  it('When a search holds LIKE wildcards, then they match literally', async () => {
    const list = await listHouseholds(database.db, 'demo-cadre', { orgId: 'v-zjq', search: '%' })
    expect(list.households).toHaveLength(0)
  })

  it.each([
    ['demo-grid-leader', 'v-zjq'],
    ['demo-cadre', 'v-tj'],
    ['demo-cadre-other', 'mg-zjq-1-1'],
    ['demo-villager', 'v-zjq'],
    ['demo-shop', 'v-zjq'],
  ])('When %s lists %s outside their scope, then FORBIDDEN', async (openid, orgId) => {
    await expect(listHouseholds(database.db, openid, { orgId })).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('When the organisation does not exist, then NOT_FOUND', async () => {
    await expect(listHouseholds(database.db, 'demo-admin', { orgId: 'nowhere' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
