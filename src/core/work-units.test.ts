import type { Grant } from './policy'
import { workUnits, type Unit } from './work-units'

const unit = (kind: Unit['kind'], path: string, name = path): Unit => ({ id: path.split('/').at(-2)!, name, kind, path })
const street = unit('street', '/st/')
const zjq = unit('village', '/st/v-zjq/', '赵家桥村')
const tj = unit('village', '/st/v-tj/', '通界村')
const donghu = unit('community', '/st/c-donghu/', '东湖社区')
const grid = unit('grid', '/st/v-zjq/gr-1/')
const microGrid = unit('micro_grid', '/st/v-zjq/gr-1/mg-1/')
const shopZjq = unit('shop', '/st/v-zjq/shop-1/', '赵家桥积分超市')
const shopTj = unit('shop', '/st/v-tj/shop-2/', '通界积分超市')
const everything = [zjq, tj, donghu, grid, microGrid, shopZjq, shopTj]
const grant = (role: Grant['role'], org: Unit): Grant => ({ role, org })
const ids = (units: Unit[]) => units.map((u) => u.id).sort()
const ofKinds = (kinds: Unit['kind'][]) => everything.filter((u) => kinds.includes(u.kind))

describe('the units a page offers its caller', () => {
  it('When the street admin opens a village page, then every village of the street is offered, not the street', () => {
    const admin = [grant('admin', street)]
    expect(ids(workUnits(admin, 'manageVillageSettings', ['village'], ofKinds(['village'])))).toEqual(['v-tj', 'v-zjq'])
  })

  it('When a page works on villages, communities, grids and micro-grids, then the admin is offered only the topmost ones', () => {
    const admin = [grant('admin', street)]
    const kinds: Unit['kind'][] = ['village', 'community', 'grid', 'micro_grid']
    expect(ids(workUnits(admin, 'viewHouseholds', kinds, ofKinds(kinds)))).toEqual(['c-donghu', 'v-tj', 'v-zjq'])
  })

  it("When a cadre opens a page on their village's kind, then their own village is the one answer", () => {
    const cadre = [grant('cadre', zjq)]
    expect(ids(workUnits(cadre, 'score', ['village', 'grid', 'micro_grid'], ofKinds(['village', 'grid', 'micro_grid'])))).toEqual(['v-zjq'])
  })

  it('When a cadre holds two villages and opens a shop page, then the shops of both villages are offered', () => {
    const cadre = [grant('cadre', zjq), grant('cadre', tj)]
    expect(ids(workUnits(cadre, 'manageGoods', ['shop'], ofKinds(['shop'])))).toEqual(['shop-1', 'shop-2'])
  })

  it('When a clerk opens a shop page, then their own shop is offered and nothing of the village', () => {
    expect(ids(workUnits([grant('shop_clerk', shopZjq)], 'redeemAtShop', ['shop'], ofKinds(['shop'])))).toEqual(['shop-1'])
  })

  it('When the role lacks the permission, then nothing is offered', () => {
    expect(workUnits([grant('grid_leader', microGrid)], 'manageGoods', ['shop'], ofKinds(['shop']))).toEqual([])
    expect(workUnits([grant('cadre', zjq)], 'viewAudit', ['street'], [])).toEqual([])
  })

  it('When two grants cover the same unit, then it is offered once', () => {
    const cadre = [grant('cadre', zjq), grant('admin', street)]
    expect(ids(workUnits(cadre, 'manageVillageSettings', ['village'], ofKinds(['village'])))).toEqual(['v-tj', 'v-zjq'])
  })
})
