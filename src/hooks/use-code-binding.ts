import { useState } from 'react'
import type { Envelope } from '../core/contracts/envelope'
import { useIntentRequestId } from './use-intent-request-id'

/** A one-time code that did not work: answered with why and how many tries are left this hour. */
type Refused = { bound: false; message: string; triesLeft: number }

/**
 * Entering a one-time code with one's name (a household's invite code, a staff code): checks both
 * are filled, sends them once per intent, and turns a refused code into the plain sentence shown
 * under the form. `submit` answers what the code bound, or null (the error is set).
 */
export function useCodeBinding<Result extends { bound: true } | Refused>(
  send: (requestId: string, code: string, displayName: string) => Promise<Envelope<Result>>,
  askForCode: string,
) {
  type Bound = Extract<Result, { bound: true }>
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const intent = useIntentRequestId()

  async function submit(name: string, code: string): Promise<Bound | null> {
    const fail = (text: string) => {
      setError(text)
      return null
    }
    if (!name.trim()) return fail('请先填写您的名字')
    if (!code.trim()) return fail(askForCode)
    setBusy(true)
    setError(null)
    const params = { code: code.trim(), displayName: name.trim() }
    const answer = await send(intent.idFor(params), params.code, params.displayName)
    setBusy(false)
    if (!answer.ok) return fail(answer.error.message)
    intent.done()
    if (!answer.data.bound) {
      const { message, triesLeft } = answer.data as Refused
      return fail(triesLeft > 0 ? `${message}（这一小时内还能试 ${triesLeft} 次）` : `${message}（输错太多次，请一小时后再试）`)
    }
    return answer.data as Bound
  }

  return { busy, error, submit }
}
