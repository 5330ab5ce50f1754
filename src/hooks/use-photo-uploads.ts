import Taro from '@tarojs/taro'
import { useState } from 'react'
import { uploadPhoto } from '../api/photos'
import { isPrivacyRefusal } from '../api/privacy'
import { withoutConsentText } from '../core/privacy-declarations'

export type UploadedPhoto = { localPath: string; fileId: string }

export type PhotoUploads = {
  photos: UploadedPhoto[]
  /** Photos still on their way up. */
  uploading: number
  error: string | null
  max: number
  fileIds: string[]
  /** Takes or picks photos (up to `max` in all) and uploads each at once. */
  pick(): Promise<void>
  remove(fileId: string): void
  clear(): void
}

/** Evidence photos taken on the phone and uploaded one by one, as every form with photos needs them. */
export function usePhotoUploads(max: number): PhotoUploads {
  const [photos, setPhotos] = useState<UploadedPhoto[]>([])
  const [uploading, setUploading] = useState(0)
  const [error, setError] = useState<string | null>(null)

  const pick = async () => {
    const room = max - photos.length - uploading
    if (room <= 0) return
    setError(null)
    let picked: Taro.chooseImage.SuccessCallbackResult
    try {
      picked = await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['camera', 'album'] })
    } catch (error) {
      // 不同意 in the consent popup: say what cannot be done; anything typed stays as it was.
      if (isPrivacyRefusal(error)) setError(withoutConsentText('chooseImage'))
      return // Otherwise the user closed the camera or album.
    }
    const files = picked.tempFiles.slice(0, room)
    setUploading((n) => n + files.length)
    for (const file of files) {
      const envelope = await uploadPhoto(file.path, file.size)
      setUploading((n) => n - 1)
      if (envelope.ok) setPhotos((list) => [...list, { localPath: file.path, fileId: envelope.data.fileId }].slice(0, max))
      else setError(envelope.error.message)
    }
  }

  return {
    photos,
    uploading,
    error,
    max,
    fileIds: photos.map((p) => p.fileId),
    pick,
    remove: (fileId) => setPhotos((list) => list.filter((p) => p.fileId !== fileId)),
    clear: () => setPhotos([]),
  }
}
