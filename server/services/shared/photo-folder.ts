import { createHmac } from 'node:crypto'
import { AppError } from '../../../src/core/errors'
import { codeHashKey } from './code-hash'

/**
 * The cloud-storage folder a user's photos upload to (whoami tells the app). It is named by an HMAC of
 * the openid, never the openid itself: a photo's link shows its path to everyone who sees the photo.
 */
export function photoFolderOf(openid: string): string {
  return `evidence/${createHmac('sha256', codeHashKey()).update(`photo-folder:${openid}`).digest('hex').slice(0, 24)}`
}

/** The path of a cloud file id inside its environment: "cloud://<env>.<bucket>/<path>". */
function cloudPathOf(fileId: string): string {
  return fileId.slice('cloud://'.length).split('/').slice(1).join('/')
}

/**
 * A case may name only photos its sender uploaded: the daily clean-up deletes the files a closed case
 * names (photo-retention.ts), so a cloud file id outside the caller's own folder is refused. Demo
 * mode's "local://" ids are the gateway's own random names.
 */
export function refuseOthersPhotos(openid: string, photos: readonly string[]): void {
  const folder = `${photoFolderOf(openid)}/`
  for (const photo of photos) {
    if (!photo.startsWith('cloud://')) continue
    const path = cloudPathOf(photo)
    if (!path.startsWith(folder) || !/^[\w-]+\.\w+$/.test(path.slice(folder.length))) {
      throw new AppError('INVALID_INPUT', '照片编号不对，请重新上传照片')
    }
  }
}
