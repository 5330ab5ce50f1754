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
  // New deps show 'loading' in the same render, never the old answer under the new labels.
  const [shownDeps, setShownDeps] = useState(deps)
  if (!sameDeps(shownDeps, deps)) {
    setShownDeps(deps)
    setState({ status: 'loading' })
  }
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

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, index) => Object.is(value, b[index]))
}
