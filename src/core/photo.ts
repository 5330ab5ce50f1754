/** Evidence photos: JPEG, PNG or WebP, at most 5 MB each (phones compress before upload). */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024
export type PhotoType = 'jpg' | 'png' | 'webp'

/** The image type read from the file's first bytes (never from its name), or null. */
export function detectPhotoType(bytes: Uint8Array): PhotoType | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b)
  if (starts(0xff, 0xd8, 0xff)) return 'jpg'
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png'
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50) return 'webp'
  return null
}

/** Why a photo is refused, or null when it may be stored. */
export function photoRefusal(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return '照片是空的'
  if (bytes.length > MAX_PHOTO_BYTES) return '照片太大了，请小于 5MB'
  if (!detectPhotoType(bytes)) return '只能上传 JPG、PNG 或 WebP 照片'
  return null
}
