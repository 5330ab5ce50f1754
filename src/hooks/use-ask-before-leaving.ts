import Taro from '@tarojs/taro'
import { useEffect } from 'react'

const QUESTION = '还没有保存，离开后这次的修改就没了。'

/**
 * A page with unsaved work asks before it is left (DESIGN: "a page with unsaved work asks before it is
 * left"). In the mini-program WeChat asks on the back arrow and the back gesture
 * (`enableAlertBeforeUnload`); in H5 the title bar's back arrow asks the same question in a modal, and
 * closing or reloading the tab gets the browser's own question.
 */
export function useAskBeforeLeaving(unsaved: boolean): void {
  useEffect(() => {
    if (!unsaved) return
    if (process.env.TARO_ENV !== 'h5') {
      Taro.enableAlertBeforeUnload({ message: QUESTION })
      return () => void Taro.disableAlertBeforeUnload()
    }
    const onBack = (event: Event) => {
      const back = (event.target as Element | null)?.closest?.('.taro-navigation-bar-back')
      if (!back) return
      event.preventDefault()
      event.stopImmediatePropagation()
      void Taro.showModal({ title: '还没有保存', content: QUESTION, confirmText: '不保存离开', cancelText: '留下' }).then(({ confirm }) => {
        if (confirm) window.history.back()
      })
    }
    const onUnload = (event: BeforeUnloadEvent) => event.preventDefault()
    document.addEventListener('click', onBack, true)
    window.addEventListener('beforeunload', onUnload)
    return () => {
      document.removeEventListener('click', onBack, true)
      window.removeEventListener('beforeunload', onUnload)
    }
  }, [unsaved])
}
