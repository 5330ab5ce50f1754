import Taro from '@tarojs/taro'
import { useEffect } from 'react'

const QUESTION = '还没有保存，离开后这次的修改就没了。'

/**
 * A page with unsaved work asks before it is left (DESIGN: "a page with unsaved work asks before it is
 * left"). In the mini-program WeChat asks on the back arrow and the back gesture
 * (`enableAlertBeforeUnload`); in H5 only closing or reloading the tab asks (the browser's question):
 * Taro's H5 title bar offers no way to hold its back arrow.
 */
export function useAskBeforeLeaving(unsaved: boolean): void {
  useEffect(() => {
    if (!unsaved) return
    if (process.env.TARO_ENV !== 'h5') {
      Taro.enableAlertBeforeUnload({ message: QUESTION })
      return () => void Taro.disableAlertBeforeUnload()
    }
    const onUnload = (event: BeforeUnloadEvent) => event.preventDefault()
    window.addEventListener('beforeunload', onUnload)
    return () => window.removeEventListener('beforeunload', onUnload)
  }, [unsaved])
}
