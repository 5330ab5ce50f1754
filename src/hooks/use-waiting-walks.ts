import { useDidShow } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { onWalksChange, readWalks } from '../api/walk-store'
import type { WalkQueue } from '../core/walk-queue'

/** The inspection walks waiting on this phone, kept up to date as they are sent, fixed or dropped. */
export function useWaitingWalks(): WalkQueue {
  const [walks, setWalks] = useState<WalkQueue>(readWalks)
  useEffect(() => onWalksChange(setWalks), [])
  useDidShow(() => setWalks(readWalks()))
  return walks
}
