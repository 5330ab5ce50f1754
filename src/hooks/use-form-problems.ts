import { useState } from 'react'
import type { ApiError } from '../core/contracts/envelope'

export type FormProblems<F extends string> = {
  /** The problem to show beside this field, or null. */
  of(field: F): string | null
  /** A problem that belongs to no field of this form (a refusal, a network failure). */
  general: string | null
  /** The server's answer (its `fields` go beside the fields), or one field's problem found on the phone. */
  show(problem: ApiError | { field: F; message: string }): void
  clear(): void
}

/**
 * Where a form shows what is wrong: each problem beside its field, in the plain words the server
 * (or the page's own check) gives; anything that fits no field of `fields` above the button.
 */
export function useFormProblems<F extends string>(fields: readonly F[]): FormProblems<F> {
  const [state, setState] = useState<{ byField: Partial<Record<F, string>>; general: string | null }>({ byField: {}, general: null })
  return {
    of: (field) => state.byField[field] ?? null,
    general: state.general,
    show(problem) {
      if ('field' in problem) return setState({ byField: { [problem.field]: problem.message } as Partial<Record<F, string>>, general: null })
      const byField: Partial<Record<F, string>> = {}
      for (const [field, message] of Object.entries(problem.fields ?? {})) {
        if ((fields as readonly string[]).includes(field)) byField[field as F] = message
      }
      setState({ byField, general: Object.keys(byField).length > 0 ? null : problem.message })
    },
    clear: () => setState({ byField: {}, general: null }),
  }
}
