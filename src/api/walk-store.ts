import Taro from '@tarojs/taro'
import { addWalk, parseWalkQueue, sendWalks, type QueuedWalk, type SendReport, type WalkQueue } from '../core/walk-queue'
import { uploadPhoto } from './photos'
import { submitScore } from './score'

/** The phone's storage key of the inspection walks waiting to be sent (src/core/walk-queue). */
const STORAGE_KEY = 'walk-queue'
const listeners = new Set<(queue: WalkQueue) => void>()

/** The walks waiting on this phone, as its storage keeps them (anything malformed left out). */
export function readWalks(): WalkQueue {
  return parseWalkQueue(Taro.getStorageSync(STORAGE_KEY))
}

function writeWalks(queue: WalkQueue): void {
  Taro.setStorageSync(STORAGE_KEY, queue)
  for (const listener of listeners) listener(queue)
}

/** Changes the waiting walks (the leader fixes or drops one). */
export function changeWalks(change: (queue: WalkQueue) => WalkQueue): void {
  writeWalks(change(readWalks()))
}

/**
 * Keeps a finished walk on the phone; the same walk twice is kept once. In the mini-program a photo
 * not yet uploaded is moved from its temp file (which lasts one launch) into the user data folder,
 * so it is still there when the app starts again. (In H5 it lasts while the page is open.)
 */
export function keepWalk(walk: QueuedWalk): void {
  const photos =
    process.env.TARO_ENV === 'weapp'
      ? walk.photos.map((photo) => (photo.fileId ? photo : { ...photo, localPath: Taro.getFileSystemManager().saveFileSync(photo.localPath) as unknown as string }))
      : walk.photos
  changeWalks((queue) => addWalk(queue, { ...walk, photos }))
}

/** Calls `listener` with the queue after every change; answers the unsubscribe. */
export function onWalksChange(listener: (queue: WalkQueue) => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

let sending: Promise<SendReport> | null = null

/** Sends what waits (photos, then each walk's submit); one sending at a time, a second call joins it. */
export function sendWaitingWalks(): Promise<SendReport> {
  sending ??= sendWalks({
    read: readWalks,
    write: writeWalks,
    upload: (photo) => uploadPhoto(photo.localPath, photo.size),
    submit: submitScore,
  }).finally(() => {
    sending = null
  })
  return sending
}

/** From the app's start: send what waits now, and again whenever the phone's network comes back. */
export function sendWalksWhenOnline(): void {
  Taro.onNetworkStatusChange(({ isConnected }) => {
    if (isConnected) void sendWaitingWalks()
  })
  if (readWalks().length > 0) void sendWaitingWalks()
}
