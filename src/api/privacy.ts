import Taro from '@tarojs/taro'

/** The id of the popup's 同意 button: WeChat checks that this very button was tapped before the API goes on. */
export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree'

type Resolve = (answer: { event: 'agree'; buttonId: string } | { event: 'disagree' } | { event: 'exposureAuthorization' }) => void

/** A privacy interface waiting for the user's answer, and which one (WeChat's eventInfo.referrer). */
export type PrivacyRequest = { referrer: string } | null

let pending: { resolve: Resolve; referrer: string } | null = null
const listeners = new Set<(request: PrivacyRequest) => void>()

const publish = () => {
  const request = pending ? { referrer: pending.referrer } : null
  for (const listener of listeners) listener(request)
}

/**
 * Once, at app start (weapp only): WeChat calls this when a privacy interface (chooseImage,
 * setClipboardData…) is called before the user agreed to the 隐私保护指引; the interface waits,
 * pending, until `agreePrivacy` or `declinePrivacy` answers (wx.onNeedPrivacyAuthorization).
 */
export function watchPrivacyRequests(): void {
  const on = (Taro as unknown as { onNeedPrivacyAuthorization?: (listener: (resolve: Resolve, info?: { referrer?: string }) => void) => void })
    .onNeedPrivacyAuthorization
  if (typeof on !== 'function') return // Base library < 2.32.3, or H5: no consent step exists there.
  on((resolve, info) => {
    pending = { resolve, referrer: info?.referrer ?? '' }
    publish()
  })
}

/** The popup shows while a request is pending; returns the unsubscribe. */
export function onPrivacyRequest(listener: (request: PrivacyRequest) => void): () => void {
  listeners.add(listener)
  listener(pending ? { referrer: pending.referrer } : null)
  return () => void listeners.delete(listener)
}

/** Tells WeChat the popup is on screen. */
export function privacyPopupShown(): void {
  pending?.resolve({ event: 'exposureAuthorization' })
}

/** After the 同意 button (open-type="agreePrivacyAuthorization") fired its agreeprivacyauthorization event. */
export function agreePrivacy(): void {
  const request = pending
  pending = null
  request?.resolve({ event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID })
  publish()
}

/** 不同意: the waiting interface fails ("privacy permission is not authorized", errno 104). */
export function declinePrivacy(): void {
  const request = pending
  pending = null
  request?.resolve({ event: 'disagree' })
  publish()
}

/** True for WeChat's refusal of a privacy interface the user has not agreed to. */
export function isPrivacyRefusal(error: unknown): boolean {
  const e = error as { errno?: number; errMsg?: string } | null
  return e?.errno === 104 || /privacy permission is not authorized/.test(e?.errMsg ?? '')
}
