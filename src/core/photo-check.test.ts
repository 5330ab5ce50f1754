import { photoShown, verdictOfSuggest, type PhotoViewer } from './photo-check'

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
})
