import { useState } from 'react'
import type { Envelope } from '../core/contracts/envelope'
import { useFormProblems } from './use-form-problems'
import { useIntentRequestId } from './use-intent-request-id'

/** A one-time code that did not work: answered with why and how many tries are left this hour. */
type Refused = { bound: false; message: string; triesLeft: number }

/**
 * Entering a one-time code with one's name (a household's invite code, a staff code): checks both
 * are filled, sends them once per intent, and turns a refused code into the plain sentence shown
 * under the code. `submit` answers what the code bound, or null (`problems` says why).
 */
export function useCodeBinding<Result extends { bound: true } | Refused>(
  send: (requestId: string, code: string, displayName: string) => Promise<Envelope<Result>>,
  askForCode: string,
) {
  type Bound = Extract<Result, { bound: true }>
  const [busy, setBusy] = useState(false)
  const problems = useFormProblems(['displayName', 'code'] as const)
  const intent = useIntentRequestId()

  async function submit(name: string, code: string): Promise<Bound | null> {
    const fail = (problem: Parameters<typeof problems.show>[0]) => {
      problems.show(problem)
      return null
    }
    if (!name.trim()) return fail({ field: 'displayName', message: '请先填写您的名字' })
    if (!code.trim()) return fail({ field: 'code', message: askForCode })
    setBusy(true)
    problems.clear()
    const params = { code: code.trim(), displayName: name.trim() }
    const answer = await send(intent.idFor(params), params.code, params.displayName)
    setBusy(false)
    if (!answer.ok) return fail(answer.error)
    intent.done()
    if (!answer.data.bound) {
      const { message, triesLeft } = answer.data as Refused
      return fail({ field: 'code', message: triesLeft > 0 ? `${message}（这一小时内还能试 ${triesLeft} 次）` : `${message}（输错太多次，请一小时后再试）` })
    }
    return answer.data as Bound
  }

  return { busy, problems, submit }
}
