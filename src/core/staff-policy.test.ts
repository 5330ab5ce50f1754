import type { OrgKind } from './org'
import type { Grant } from './policy'
import { STAFF_ROLES, type StaffRole } from './roles'
import { mayInvite, mayViewStaff, roleFitsOrg } from './staff-policy'

const grant = (role: StaffRole, kind: OrgKind, path: string): Grant => ({ role, org: { id: path.split('/').at(-2)!, name: 'x', kind, path } })

const street = '/st/'
const village = '/st/v-a/'
const otherVillage = '/st/v-b/'
const community = '/st/c-a/'
const microGrid = '/st/v-a/gr-1/mg-1/'
const shop = '/st/v-a/shop-a/'
const otherMicroGrid = '/st/v-b/gr-1/mg-1/'

const admin = grant('admin', 'street', street)
const cadre = grant('cadre', 'village', village)
const gridLeader = grant('grid_leader', 'micro_grid', microGrid)
const accountant = grant('accountant', 'village', village)
const clerk = grant('shop_clerk', 'shop', shop)
const scorer = grant('community_scorer', 'community', community)

/** inviter × role × target → may they invite? One row per case the issue names, and the ones around it. */
const TABLE: [Grant, StaffRole, OrgKind, string, boolean][] = [
  // The admin: anyone under the street, on the kind of org the role is held on.
  [admin, 'admin', 'street', street, true],
  [admin, 'cadre', 'village', village, true],
  [admin, 'cadre', 'community', community, true],
  [admin, 'community_scorer', 'community', community, true],
  [admin, 'accountant', 'village', otherVillage, true],
  [admin, 'grid_leader', 'micro_grid', otherMicroGrid, true],
  [admin, 'shop_clerk', 'shop', shop, true],
  [admin, 'cadre', 'micro_grid', microGrid, false],
  [admin, 'shop_clerk', 'village', village, false],
  [admin, 'cadre', 'village', '/other-street/v-x/', false],
  // A cadre: grid leaders, clerks and the accountant of their own village only.
  [cadre, 'grid_leader', 'micro_grid', microGrid, true],
  [cadre, 'shop_clerk', 'shop', shop, true],
  [cadre, 'accountant', 'village', village, true],
  [cadre, 'grid_leader', 'micro_grid', otherMicroGrid, false],
  [cadre, 'accountant', 'village', otherVillage, false],
  [cadre, 'cadre', 'village', village, false],
  [cadre, 'admin', 'street', street, false],
  [cadre, 'community_scorer', 'community', community, false],
  // Everybody else invites nobody, not even their own role.
  [gridLeader, 'grid_leader', 'micro_grid', microGrid, false],
  [accountant, 'shop_clerk', 'shop', shop, false],
  [clerk, 'shop_clerk', 'shop', shop, false],
  [scorer, 'community_scorer', 'community', community, false],
]

describe('who may invite whom', () => {
  it.each(TABLE)('When %j invites a %s on a %s at %s, then the answer is %s', (inviter, role, kind, path, expected) => {
    expect(mayInvite([inviter], role, { kind, path })).toBe(expected)
  })

  it('When a role is granted, then it is never above the inviter: nobody but an admin can make a cadre or an admin', () => {
    for (const inviter of [cadre, gridLeader, accountant, clerk, scorer]) {
      expect(mayInvite([inviter], 'admin', { kind: 'street', path: street })).toBe(false)
      expect(mayInvite([inviter], 'cadre', { kind: 'village', path: village })).toBe(false)
    }
  })

  it('When someone has no grants, then they may invite no role anywhere', () => {
    for (const role of STAFF_ROLES) expect(mayInvite([], role, { kind: 'village', path: village })).toBe(false)
  })

  it('When a role is matched with an org kind, then only the kinds the role is held on fit', () => {
    expect(roleFitsOrg('grid_leader', 'micro_grid')).toBe(true)
    expect(roleFitsOrg('accountant', 'community')).toBe(false)
  })

  it('When staff lists are asked for, then admins and cadres see within their scope, others not at all', () => {
    expect(mayViewStaff([cadre], { path: microGrid })).toBe(true)
    expect(mayViewStaff([cadre], { path: otherVillage })).toBe(false)
    expect(mayViewStaff([admin], { path: otherVillage })).toBe(true)
    expect(mayViewStaff([gridLeader], { path: microGrid })).toBe(false)
  })
})

describe('bank officers (善治贷)', () => {
  const bank = '/st/bk-a/'
  const branch = '/st/bk-a/bkb-1/'

  it('When the street admin invites a loan officer, then it is on a bank or a branch under the street, never on a village', () => {
    expect(mayInvite([admin], 'bank_officer', { kind: 'bank', path: bank })).toBe(true)
    expect(mayInvite([admin], 'bank_officer', { kind: 'bank_branch', path: branch })).toBe(true)
    expect(mayInvite([admin], 'bank_officer', { kind: 'village', path: village })).toBe(false)
  })

  it('When a cadre or a bank officer tries to invite a loan officer, then they may not', () => {
    expect(mayInvite([cadre], 'bank_officer', { kind: 'bank', path: bank })).toBe(false)
    const officer = grant('bank_officer', 'bank', bank)
    expect(mayInvite([officer], 'bank_officer', { kind: 'bank_branch', path: branch })).toBe(false)
    expect(mayViewStaff([officer], { path: bank })).toBe(false)
  })
})
