import { PHOTO_HIDDEN_NOTE, photoShown, photosSeenBy, verdictOfSuggest, type PhotoCheck, type PhotoViewer } from './photo-check'

const PUBLIC: PhotoViewer = { uploader: false, actingStaff: false, streetAdmin: false }

describe('who sees a checked photo', () => {
  it('When the check is still out, then the uploader and acting staff see the photo and the public reads 照片审核中', () => {
    expect(photoShown('checking', PUBLIC)).toBe('checking')
    expect(photoShown('checking', { ...PUBLIC, uploader: true })).toBe('shown')
    expect(photoShown('checking', { ...PUBLIC, actingStaff: true })).toBe('shown')
  })

  it('When WeChat passed it, then everyone sees it; when risky, only the street admin does', () => {
    expect(photoShown('pass', PUBLIC)).toBe('shown')
    expect(photoShown('risky', { ...PUBLIC, uploader: true, actingStaff: true })).toBe('hidden')
    expect(photoShown('risky', { ...PUBLIC, streetAdmin: true })).toBe('shown')
    expect(photoShown(undefined, PUBLIC)).toBe('shown')
  })

  it('When WeChat suggests review, then it counts as risky', () => {
    expect(verdictOfSuggest('review')).toBe('risky')
    expect(verdictOfSuggest('pass')).toBe('pass')
  })

  it("When a list of photos is seen, then each follows the rule by its own uploader, only the uploader of a risky one reads why, and deleted ones are gone for all", () => {
    const checks = new Map<string, PhotoCheck>([
      ['a', { verdict: 'checking', uploaderOpenid: 'o-staff', deleted: false }],
      ['b', { verdict: 'risky', uploaderOpenid: 'o-villager', deleted: false }],
      ['c', { verdict: 'pass', uploaderOpenid: 'o-villager', deleted: false }],
      ['gone-checked', { verdict: 'pass', uploaderOpenid: 'o-villager', deleted: true }],
      ['gone', { verdict: null, uploaderOpenid: null, deleted: true }],
    ])
    const photos = ['a', 'b', 'c', 'old', 'gone-checked', 'gone']
    const looker = { concerned: false, actingStaff: false, streetAdmin: false }
    expect(photosSeenBy(photos, checks, { ...looker, openid: 'o-other' })).toEqual({ photos: ['c', 'old'], photosInCheck: 1, photoNote: null })
    expect(photosSeenBy(photos, checks, { ...looker, openid: 'o-staff' })).toEqual({ photos: ['a', 'c', 'old'], photosInCheck: 0, photoNote: null })
    expect(photosSeenBy(photos, checks, { ...looker, openid: 'o-villager' })).toEqual({ photos: ['c', 'old'], photosInCheck: 1, photoNote: PHOTO_HIDDEN_NOTE })
    expect(photosSeenBy(photos, checks, { ...looker, openid: null, actingStaff: true })).toEqual({ photos: ['a', 'c', 'old'], photosInCheck: 0, photoNote: null })
    expect(photosSeenBy(photos, checks, { ...looker, openid: 'o-admin', streetAdmin: true })).toEqual({ photos: ['a', 'b', 'c', 'old'], photosInCheck: 0, photoNote: null })
    // The household a deduction is about sees its evidence while it is checked, but not a risky photo, and is not told of one it did not take.
    expect(photosSeenBy(photos, checks, { ...looker, openid: 'o-household', concerned: true })).toEqual({ photos: ['a', 'c', 'old'], photosInCheck: 0, photoNote: null })
  })
})
