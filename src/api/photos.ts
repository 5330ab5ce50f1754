import Taro from '@tarojs/taro'
import type { Envelope } from '../core/contracts/envelope'
import { MAX_PHOTO_BYTES } from '../core/photo'
import { whoami } from './account'
import { initCloud } from './call-cloud'
import { readDemoOpenId } from './demo-identity'
import { isEnvelope, networkFailure } from './network-failure'

let folder: string | undefined

/** Where this user's photos go in cloud storage (whoami says; the server accepts no photo from elsewhere). */
async function myPhotoFolder(): Promise<Envelope<string>> {
  if (folder) return { ok: true, data: folder }
  const me = await whoami()
  if (!me.ok) return me
  if (!me.data.registered) return { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先绑定，再上传照片' } }
  folder = me.data.photoFolder
  return { ok: true, data: folder }
}

/**
 * Uploads one photo the user picked (a temp file path from Taro.chooseImage) and answers its file
 * id: cloud storage in the mini-program ("cloud://…"), the gateway's folder in H5 ("local://…").
 */
export async function uploadPhoto(tempFilePath: string, size: number): Promise<Envelope<{ fileId: string }>> {
  if (size > MAX_PHOTO_BYTES) return { ok: false, error: { code: 'INVALID_INPUT', message: '照片太大了，请小于 5MB' } }
  try {
    if (process.env.TARO_ENV === 'weapp') {
      initCloud()
      const mine = await myPhotoFolder()
      if (!mine.ok) return mine
      const cloudPath = `${mine.data}/${Date.now()}-${Math.floor(Math.random() * 1e9)}${tempFilePath.match(/\.\w+$/)?.[0] ?? '.jpg'}`
      const { fileID } = await Taro.cloud.uploadFile({ cloudPath, filePath: tempFilePath })
      return { ok: true, data: { fileId: fileID } }
    }
    const blob = await (await fetch(tempFilePath)).blob()
    const openid = readDemoOpenId()
    const response = await fetch('/api/photos', { method: 'POST', body: blob, headers: openid ? { 'X-Dev-OpenId': openid } : {} })
    const envelope: unknown = await response.json()
    return isEnvelope(envelope) ? (envelope as Envelope<{ fileId: string }>) : networkFailure()
  } catch {
    return networkFailure()
  }
}

/** Where an <Image> finds a photo by its file id. */
export function photoSrc(fileId: string): string {
  return fileId.startsWith('local://') ? `/api/photos/${fileId.slice('local://'.length)}` : fileId
}
