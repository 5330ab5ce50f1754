import { useCallback, useRef } from 'react'
import { newRequestId } from '../api/request-id'

/**
 * One requestId per user intent: the same id while the user retries the same thing (same
 * parameters), a fresh one as soon as they change what they ask for, or after `done()`.
 */
export function useIntentRequestId(): { idFor: (params: unknown) => string; done: () => void } {
  const current = useRef<{ key: string; id: string } | null>(null)
  const idFor = useCallback((params: unknown) => {
    const key = JSON.stringify(params)
    if (current.current?.key !== key) current.current = { key, id: newRequestId() }
    return current.current.id
  }, [])
  const done = useCallback(() => {
    current.current = null
  }, [])
  return { idFor, done }
}
