import { useDidShow } from '@tarojs/taro'
import { useRef } from 'react'

/**
 * Loads again each time the page is shown again (back from another page, or its tab chosen again),
 * so it shows what changed meanwhile; the first show is the page's own first load. `when` false
 * skips it (nothing to load yet).
 */
export function useReloadOnReturn(reload: () => void, when = true): void {
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current && when) reload()
    shown.current = true
  })
}
