import Taro from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { whoami } from '../api/account'
import { onDemoIdentityChange, readDemoOpenId } from '../api/demo-identity'
import { setElderMode as saveElderMode } from '../api/elder-mode'
import { newRequestId } from '../api/request-id'
import type { Envelope } from '../core/contracts/envelope'

/**
 * 长辈模式 (elder mode), app-wide.
 *
 * Convention for every page (main package and subpackages):
 *   const elder = useElderMode()
 *   <View className={`screen ${elder.rootClass} my-page`}>…</View>
 * - `rootClass` is 'elder' when on. app.css enlarges the shared classes under `.elder`
 *   (screen, card, section-title, plain-text, muted-text, big-button, status views); a page's own
 *   classes add their `.elder .my-page__x { … }` rules in the page's CSS when they need to.
 * - Put `elder-hide` on secondary details that 长辈模式 leaves out (app.css hides them).
 * - Show fewer items per screen: `elder.pageSize(20)` is 20 normally and 8 in 长辈模式;
 *   `elder.trim(list, 6)` cuts a short list (e.g. quick links, a summary) to fewer rows.
 *
 * The value comes from whoami.elderMode: the first page that mounts the hook asks whoami once, and
 * `useWhoAmI` passes on every whoami it loads (`publishElderMode`). It is cached in storage so
 * the next launch paints right away, and asked again when another demo identity is chosen.
 */
export type ElderMode = {
  on: boolean
  /** 'elder' when on, '' when off: add it to the page's root View. */
  rootClass: string
  /** Items per page/screen: `normal` normally, fewer (at least 3) in 长辈模式. */
  pageSize: (normal: number) => number
  /** The first items of a list, fewer in 长辈模式 (same rule as `pageSize`). */
  trim: <T>(items: readonly T[], normal: number) => T[]
  /** Switches 长辈模式 for the caller (saved on the server); the whole app follows at once. */
  set: (on: boolean) => Promise<Envelope<{ elderMode: boolean }>>
  saving: boolean
}

export const ELDER_CLASS = 'elder'

/** Items per screen in 长辈模式 for a list that shows `normal` items otherwise. */
export function elderPageSize(normal: number): number {
  return Math.max(3, Math.ceil(normal * 0.4))
}

type State = { on: boolean; known: boolean }

const listeners = new Set<(on: boolean) => void>()
let state: State = { on: readCached(), known: false }
let asking: Promise<void> | null = null
let unsubscribeIdentity: (() => void) | null = null

function cacheKey(): string {
  return `elderMode:${readDemoOpenId() ?? 'me'}`
}

function readCached(): boolean {
  try {
    return Taro.getStorageSync(cacheKey()) === true
  } catch {
    return false
  }
}

function applyToDocument(on: boolean): void {
  // H5 only: the class on <body> also reaches pages and chrome that have no root class of their own.
  if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined') document.body.classList.toggle(ELDER_CLASS, on)
}

/** Sets the app-wide value (from whoami or after saving) and tells every mounted hook. */
export function publishElderMode(on: boolean): void {
  const changed = state.on !== on
  state = { on, known: true }
  try {
    Taro.setStorageSync(cacheKey(), on)
  } catch {
    // A full storage only loses the first-paint hint.
  }
  applyToDocument(on)
  if (changed) listeners.forEach((listener) => listener(on))
}

function askWhoami(): Promise<void> {
  asking ??= whoami().then((envelope) => {
    asking = null
    if (envelope.ok) publishElderMode(envelope.data.registered ? envelope.data.elderMode : false)
  })
  return asking
}

function watchIdentity(): void {
  unsubscribeIdentity ??= onDemoIdentityChange(() => {
    // Another demo user: their cached hint first, then their own setting.
    state = { on: readCached(), known: false }
    applyToDocument(state.on)
    listeners.forEach((listener) => listener(state.on))
    void askWhoami()
  })
}

/** 长辈模式 for this page: see the convention above. */
export function useElderMode(): ElderMode {
  const [on, setOn] = useState(state.on)
  const [saving, setSaving] = useState(false)

  useEffect(() => {
    listeners.add(setOn)
    watchIdentity()
    setOn(state.on)
    applyToDocument(state.on)
    if (!state.known) void askWhoami()
    return () => {
      listeners.delete(setOn)
    }
  }, [])

  const set = useCallback(async (next: boolean) => {
    setSaving(true)
    const envelope = await saveElderMode(newRequestId(), next)
    setSaving(false)
    if (envelope.ok) publishElderMode(envelope.data.elderMode)
    return envelope
  }, [])

  const pageSize = useCallback((normal: number) => (on ? elderPageSize(normal) : normal), [on])
  const trim = useCallback(<T>(items: readonly T[], normal: number) => items.slice(0, on ? elderPageSize(normal) : normal), [on])

  return { on, rootClass: on ? ELDER_CLASS : '', pageSize, trim, set, saving }
}
