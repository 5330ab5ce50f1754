import { canHangUnder, childPath, pathCovers } from './org'

describe('organisation tree', () => {
  it('When a village hangs under a street, then its path extends the street path', () => {
    const street = childPath(null, 'st-danghu')
    const village = childPath(street, 'v-zjq')
    expect(street).toBe('/st-danghu/')
    expect(village).toBe('/st-danghu/v-zjq/')
  })

  it('When one org is an ancestor of another, then it covers it, and not the other way round', () => {
    const village = '/st/v-a/'
    const microGrid = '/st/v-a/gr-1/mg-1/'
    expect(pathCovers(village, microGrid)).toBe(true)
    expect(pathCovers(microGrid, village)).toBe(false)
    expect(pathCovers(village, village)).toBe(true)
  })

  it('When two sibling ids share a prefix, then neither covers the other', () => {
    expect(pathCovers('/st/v-a/', '/st/v-ab/')).toBe(false)
  })

  it('When an id contains a slash, then it is refused', () => {
    expect(() => childPath('/st/', 'v/x')).toThrow()
  })

  it('When kinds are arranged as DOMAIN.md describes, then only those parents are allowed', () => {
    expect(canHangUnder('village', 'street')).toBe(true)
    expect(canHangUnder('micro_grid', 'grid')).toBe(true)
    expect(canHangUnder('micro_grid', 'village')).toBe(false)
    expect(canHangUnder('street', null)).toBe(true)
    expect(canHangUnder('village', null)).toBe(false)
  })
})
