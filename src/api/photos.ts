import Taro from '@tarojs/taro'
import type { Envelope } from '../core/contracts/envelope'
import { MAX_PHOTO_BYTES } from '../core/photo'
import { initCloud } from './call-cloud'
import { readDemoOpenId } from './demo-identity'
import { isEnvelope, networkFailure } from './network-failure'

/**
 * Uploads one photo the user picked (a temp file path from Taro.chooseImage) and answers its file
 * id: cloud storage in the mini-program ("cloud://…"), the gateway's folder in H5 ("local://…").
 */
export async function uploadPhoto(tempFilePath: string, size: number): Promise<Envelope<{ fileId: string }>> {
  if (size > MAX_PHOTO_BYTES) return { ok: false, error: { code: 'INVALID_INPUT', message: '照片太大了，请小于 5MB' } }
  try {
    if (process.env.TARO_ENV === 'weapp') {
      initCloud()
      const cloudPath = `evidence/${Date.now()}-${Math.floor(Math.random() * 1e9)}${tempFilePath.match(/\.\w+$/)?.[0] ?? '.jpg'}`
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
