import Taro from '@tarojs/taro'
import { useState } from 'react'
import { uploadPhoto } from '../api/photos'
import { isPrivacyRefusal } from '../api/privacy'
import { withoutConsentText } from '../core/privacy-declarations'
import { isTransient } from '../core/walk-queue'

/** A photo taken for the form: its file id once uploaded (null only while kept on the phone, see keepOffline). */
export type UploadedPhoto = { localPath: string; size: number; fileId: string | null }

export type PhotoUploads = {
  photos: UploadedPhoto[]
  /** Photos still on their way up. */
  uploading: number
  error: string | null
  max: number
  /** The uploaded photos' file ids. */
  fileIds: string[]
  /** Takes or picks photos (up to `max` in all) and uploads each at once. */
  pick(): Promise<void>
  remove(localPath: string): void
  clear(): void
}

/**
 * Evidence photos taken on the phone and uploaded one by one, as every form with photos needs them.
 * `keepOffline` (an inspection walk, which works without signal): a photo that cannot go up for want
 * of a network is kept on the phone, file id null, and the walk's queue uploads it later.
 */
export function usePhotoUploads(max: number, options: { keepOffline?: boolean } = {}): PhotoUploads {
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
      if (envelope.ok) setPhotos((list) => [...list, { localPath: file.path, size: file.size, fileId: envelope.data.fileId }].slice(0, max))
      else if (options.keepOffline && isTransient(envelope)) setPhotos((list) => [...list, { localPath: file.path, size: file.size, fileId: null }].slice(0, max))
      else setError(envelope.error.message)
    }
  }

  return {
    photos,
    uploading,
    error,
    max,
    fileIds: photos.flatMap((p) => (p.fileId ? [p.fileId] : [])),
    pick,
    remove: (localPath) => setPhotos((list) => list.filter((p) => p.localPath !== localPath)),
    clear: () => setPhotos([]),
  }
}
