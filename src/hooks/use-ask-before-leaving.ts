import Taro, { useDidHide, useDidShow } from '@tarojs/taro'
import { useEffect, useState } from 'react'

/** The title bar's own ways out of a page in H5 (Taro draws them in HTML): its back arrow and its home button. */
const H5_TITLE_BAR_WAYS_OUT = '#taro-navigation-bar .taro-navigation-bar-back, #taro-navigation-bar .taro-navigation-bar-home'

/**
 * A page with unsaved work asks before it is left (DESIGN: "a page with unsaved work asks before it is
 * left"), with `question` and a 取消 that keeps the person on the page. In the mini-program WeChat asks
 * on the back arrow and the back gesture (`enableAlertBeforeUnload`). In H5 the title bar's back arrow and
 * home button ask first (held before Taro's own listener, let through on 离开), and closing or reloading
 * the tab gets the browser's question. A page hidden under the next one (H5 keeps it in the DOM) does not ask.
 */
export function useAskBeforeLeaving(unsaved: boolean, question: string): void {
  const [shown, setShown] = useState(true)
  useDidShow(() => setShown(true))
  useDidHide(() => setShown(false))
  const ask = unsaved && shown
  useEffect(() => {
    if (!ask) return
    if (process.env.TARO_ENV !== 'h5') {
      void Taro.enableAlertBeforeUnload({ message: question })
      return () => void Taro.disableAlertBeforeUnload()
    }
    let leaving = false
    const onTitleBar = (event: MouseEvent) => {
      const wayOut = event.target instanceof Element ? event.target.closest<HTMLElement>(H5_TITLE_BAR_WAYS_OUT) : null
      if (!wayOut || leaving) return
      event.stopPropagation()
      event.preventDefault()
      void Taro.showModal({ title: '还没保存', content: question, cancelText: '取消', confirmText: '离开' }).then(({ confirm }) => {
        if (!confirm) return
        leaving = true
        wayOut.click()
      })
    }
    const onUnload = (event: BeforeUnloadEvent) => event.preventDefault()
    window.addEventListener('click', onTitleBar, true)
    window.addEventListener('beforeunload', onUnload)
    return () => {
      window.removeEventListener('click', onTitleBar, true)
      window.removeEventListener('beforeunload', onUnload)
    }
  }, [ask, question])
}
