import type { OrgKind } from './org'
import { mayKeepUnit, nameScopePath, retirementRefusal } from './org-units'
import type { Grant } from './policy'
import type { StaffRole } from './roles'

const grant = (role: StaffRole, kind: OrgKind, path: string): Grant => ({ role, org: { id: path.split('/').at(-2)!, name: 'x', kind, path } })
const admin = grant('admin', 'street', '/st/')
const cadre = grant('cadre', 'village', '/st/v-a/')
const communityCadre = grant('cadre', 'community', '/st/c-a/')
const leader = grant('grid_leader', 'micro_grid', '/st/v-a/gr-1/mg-1/')

/** keeper × kind × place (the new unit's parent, or the unit itself) → may they keep it? */
const TABLE: [string, Grant, OrgKind, string, boolean][] = [
  ['admin', admin, 'village', '/st/', true],
  ['admin', admin, 'community', '/st/', true],
  ['admin', admin, 'micro_grid', '/st/v-b/gr-1/', true],
  ['admin', admin, 'village', '/other/', false],
  ['cadre', cadre, 'villager_group', '/st/v-a/', true],
  ['cadre', cadre, 'grid', '/st/v-a/', true],
  ['cadre', cadre, 'micro_grid', '/st/v-a/gr-1/', true],
  ['cadre', cadre, 'shop', '/st/v-a/', true],
  ['cadre', cadre, 'grid', '/st/v-b/', false],
  ['cadre', cadre, 'village', '/st/', false],
  ['cadre', cadre, 'village', '/st/v-a/', false],
  ['community cadre', communityCadre, 'grid', '/st/c-a/', true],
  ['grid leader', leader, 'micro_grid', '/st/v-a/gr-1/mg-1/', false],
  ['grid leader', leader, 'villager_group', '/st/v-a/gr-1/mg-1/', false],
  ['anyone', admin, 'street', '/', false],
]

describe('who keeps which part of the organisation tree', () => {
  it.each(TABLE)('When the %s keeps a %s at %s, then the answer is %s', (_who, keeper, kind, path, expected) => {
    expect(mayKeepUnit([keeper], kind, path)).toBe(expected)
  })

  it('When a unit has nothing on it, then it may be retired', () => {
    expect(retirementRefusal({ households: 0, openNotices: 0, liveChildren: 0, staff: 0 })).toBeNull()
  })

  it('When a unit still has households and open notices, then retiring says both plainly', () => {
    expect(retirementRefusal({ households: 12, openNotices: 2, liveChildren: 0, staff: 0 })).toBe(
      '不能撤销：还有 12 户农户，还有 2 条没整改完的通报。请先把他们移走或撤下，再撤销。',
    )
  })

  it('When a grid still has micro-grids or a leader, then it is refused', () => {
    expect(retirementRefusal({ households: 0, openNotices: 0, liveChildren: 3, staff: 1 })).toContain('下面还有 3 个单位')
  })
})

describe('where a unit name must be unique', () => {
  it('When a micro-grid is named, then it is unique within its village, not only its grid', () => {
    expect(nameScopePath('micro_grid', '/st/v-a/gr-1/')).toBe('/st/v-a/')
    expect(nameScopePath('villager_group', '/st/v-a/')).toBe('/st/v-a/')
    expect(nameScopePath('village', '/st/')).toBe('/st/')
    expect(nameScopePath('street', '/')).toBe('/')
  })
})
