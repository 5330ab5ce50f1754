import { useCallback, useEffect, useRef, useState } from 'react'
import type { ApiError, Envelope } from '../core/contracts/envelope'

/** The state of one backend call as a page shows it. */
export type Loaded<T> = { status: 'loading' } | { status: 'ok'; data: T } | { status: 'error'; error: ApiError }

/**
 * Runs `load` when `deps` change and on `reload()`, and keeps only the newest answer, so a slow
 * earlier call can never overwrite a later one.
 */
export function useEnvelope<T>(load: () => Promise<Envelope<T>>, deps: readonly unknown[]): { state: Loaded<T>; reload: () => void } {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' })
  const latest = useRef(0)
  const loadRef = useRef(load)
  loadRef.current = load

  const reload = useCallback(() => {
    const call = ++latest.current
    setState({ status: 'loading' })
    void loadRef.current().then((envelope) => {
      if (call !== latest.current) return
      setState(envelope.ok ? { status: 'ok', data: envelope.data } : { status: 'error', error: envelope.error })
    })
  }, [])

  // `deps` are the caller's: whatever `load` reads that should trigger a new call.
  useEffect(reload, deps)

  return { state, reload }
}
