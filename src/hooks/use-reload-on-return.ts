import { useDidHide, useDidShow } from '@tarojs/taro'
import { useRef } from 'react'

/**
 * Loads again each time the page is shown again after being hidden (back from another page, or its
 * tab chosen again), so it shows what changed meanwhile; the first show is the page's own first
 * load. Keyed on having been hidden, so a part of the page that appears later (after a choice of
 * village or shop) still reloads on return. `when` false skips it (nothing to load yet).
 */
export function useReloadOnReturn(reload: () => void, when = true): void {
  const hidden = useRef(false)
  useDidHide(() => {
    hidden.current = true
  })
  useDidShow(() => {
    if (hidden.current && when) reload()
    hidden.current = false
  })
}
