import { detectPhotoType, MAX_PHOTO_BYTES, photoRefusal } from './photo'

const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])
const webp = Uint8Array.from([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50])

describe('evidence photos', () => {
  it('When a file starts like a JPEG, PNG or WebP, then its type is known from the bytes', () => {
    expect([detectPhotoType(jpeg), detectPhotoType(png), detectPhotoType(webp)]).toEqual(['jpg', 'png', 'webp'])
  })

  it('When a file is something else dressed as a photo, then it is refused', () => {
    expect(photoRefusal(new TextEncoder().encode('<script>alert(1)</script>'))).toMatch(/JPG/)
    expect(photoRefusal(new Uint8Array())).toMatch(/空/)
  })

  it('When a photo is over 5 MB, then it is refused', () => {
    const big = new Uint8Array(MAX_PHOTO_BYTES + 1)
    big.set(jpeg)
    expect(photoRefusal(big)).toMatch(/太大/)
    expect(photoRefusal(jpeg)).toBeNull()
  })
})
