import { mayActOn, PERMISSIONS, pointsGrant, type Grant, type Permission } from './policy'

const grant = (role: Grant['role'], path: string): Grant => ({
  role,
  org: { id: path.split('/').at(-2)!, name: 'x', kind: 'village', path },
})

const householdInZjq = ['/st/v-zjq/', '/st/v-zjq/g-1/', '/st/v-zjq/gr-1/mg-1/']
const relocatedHousehold = ['/st/v-tj/', '/st/v-tj/gr-1/mg-1/', '/st/c-donghu/']

describe('authorisation policy', () => {
  it('When a cadre holds a village, then they may view households inside it and not in another village', () => {
    const cadre = [grant('cadre', '/st/v-zjq/')]
    expect(mayActOn(cadre, 'viewHouseholds', householdInZjq)).toBe(true)
    expect(mayActOn(cadre, 'viewHouseholds', relocatedHousehold)).toBe(false)
  })

  it('When a grid leader holds one micro-grid, then a sibling micro-grid is out of scope', () => {
    const leader = [grant('grid_leader', '/st/v-zjq/gr-1/mg-1/')]
    expect(mayActOn(leader, 'viewHouseholds', householdInZjq)).toBe(true)
    expect(mayActOn(leader, 'viewHouseholds', ['/st/v-zjq/', '/st/v-zjq/gr-1/mg-2/'])).toBe(false)
  })

  it('When a community scorer holds a community, then relocated shareholders of another village living there are in scope', () => {
    const scorer = [grant('community_scorer', '/st/c-donghu/')]
    expect(mayActOn(scorer, 'viewHouseholds', relocatedHousehold)).toBe(true)
    expect(mayActOn(scorer, 'viewHouseholds', householdInZjq)).toBe(false)
  })

  it('When a role lacks the permission, then its scope does not matter', () => {
    const clerk = [grant('shop_clerk', '/st/v-zjq/')]
    expect(mayActOn(clerk, 'viewHouseholds', householdInZjq)).toBe(false)
    expect(mayActOn([], 'viewHouseholds', householdInZjq)).toBe(false)
  })
})

describe('a bank officer sees nothing of villages', () => {
  const officer: Grant = { role: 'bank_officer', org: { id: 'bk-a', name: '平湖农商银行', kind: 'bank', path: '/st/bk-a/' } }

  it('When a bank officer asks for any village permission, then no household or village is covered', () => {
    const village = ['/st/v-zjq/']
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
      const allowed = mayActOn([officer], permission, householdInZjq) || mayActOn([officer], permission, village)
      expect({ permission, allowed }).toEqual({ permission, allowed: false })
    }
  })

  it('When the officer verifies for its own bank, then only the certificate permissions are held at all', () => {
    const held = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => mayActOn([officer], p, ['/st/bk-a/bkb-1/']))
    expect(held.sort()).toEqual(['publishBankTerms', 'verifyCertificate'].sort())
  })
})

describe('power over a household’s points', () => {
  const relocated = { villagePaths: ['/st/v-tj/', '/st/v-tj/gr-1/mg-1/'], communityPath: '/st/c-donghu/' }
  const communityCadre = [grant('cadre', '/st/c-donghu/')]
  const communityScorer = [grant('community_scorer', '/st/c-donghu/')]
  const villageCadre = [grant('cadre', '/st/v-tj/')]

  it('When a community’s cadre or scorer acts on an entry the village scored for a household living in the community, then there is no grant', () => {
    expect(pointsGrant(communityCadre, 'decideScores', relocated, '/st/v-tj/')).toBeUndefined()
    expect(pointsGrant(communityScorer, 'score', relocated, '/st/v-tj/gr-1/mg-1/')).toBeUndefined()
    expect(pointsGrant(communityCadre, 'decideScores', relocated, null)).toBeUndefined()
  })

  it('When the entry was scored by the community itself, then its staff may act; the village’s cadre may act on every entry of its household', () => {
    expect(pointsGrant(communityCadre, 'decideScores', relocated, '/st/c-donghu/')).toBeDefined()
    expect(pointsGrant(communityScorer, 'score', relocated, '/st/c-donghu/')).toBeDefined()
    expect(pointsGrant(villageCadre, 'decideScores', relocated, '/st/c-donghu/')).toBeDefined()
    expect(pointsGrant(villageCadre, 'decideScores', relocated, '/st/v-tj/')).toBeDefined()
    expect(pointsGrant([grant('cadre', '/st/v-zjq/')], 'decideScores', relocated, '/st/v-tj/')).toBeUndefined()
  })
})
