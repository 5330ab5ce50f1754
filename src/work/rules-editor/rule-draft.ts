import type { RuleView } from '../../core/contracts/score'
import type { RuleCategory } from '../../core/rules'

/** A rule as the edit form holds it: numbers as typed text, the sign apart from the amount. */
export type RuleDraft = {
  /** Keeps React rows stable while codes are edited or rules added. */
  key: string
  code: string
  category: RuleCategory
  title: string
  deduction: boolean
  amount: string
  monthlyLimit: string
  yearlyLimit: string
  evidenceRequired: boolean
  restorable: boolean
  claimable: boolean
  rectifyDays: string
}

export type RuleInput = Omit<RuleView, 'id'>

export function draftOf(rule: RuleView): RuleDraft {
  return {
    key: `r${rule.id}`,
    code: rule.code,
    category: rule.category,
    title: rule.title,
    deduction: rule.points < 0,
    amount: String(Math.abs(rule.points)),
    monthlyLimit: rule.monthlyLimit === null ? '' : String(rule.monthlyLimit),
    yearlyLimit: rule.yearlyLimit === null ? '' : String(rule.yearlyLimit),
    evidenceRequired: rule.evidenceRequired,
    restorable: rule.restorable,
    claimable: rule.claimable,
    rectifyDays: rule.rectifyDays === null ? '' : String(rule.rectifyDays),
  }
}

/**
 * A new, empty addition in the first of the set's categories (`ruleCategoriesFor` its member kind).
 * Its code only has to be new in the set: limits are counted by code.
 */
export function newDraft(categories: readonly RuleCategory[], now: number = Date.now()): RuleDraft {
  const code = `r-${now.toString(36)}`
  return {
    key: code,
    code,
    category: categories[0],
    title: '',
    deduction: false,
    amount: '1',
    monthlyLimit: '',
    yearlyLimit: '',
    evidenceRequired: false,
    restorable: false,
    claimable: false,
    rectifyDays: '',
  }
}

/**
 * The rules to publish, or the first field that is not a whole number (in words). The server
 * checks everything else (ranges, lengths, duplicate codes) and answers in plain Chinese.
 */
export function rulesOf(drafts: RuleDraft[]): { ok: true; rules: RuleInput[] } | { ok: false; message: string } {
  const rules: RuleInput[] = []
  for (const [i, draft] of drafts.entries()) {
    const name = `第 ${i + 1} 条「${draft.title.trim() || '未命名'}」`
    const amount = wholeNumber(draft.amount)
    if (amount === null || amount === undefined) return { ok: false, message: `${name}的分值要填整数` }
    const monthlyLimit = wholeNumber(draft.monthlyLimit)
    const yearlyLimit = wholeNumber(draft.yearlyLimit)
    const rectifyDays = wholeNumber(draft.rectifyDays)
    if (monthlyLimit === undefined || yearlyLimit === undefined) return { ok: false, message: `${name}的次数要填整数，不限就空着` }
    if (rectifyDays === undefined) return { ok: false, message: `${name}的整改天数要填整数，没有就空着` }
    rules.push({
      code: draft.code,
      category: draft.category,
      title: draft.title.trim(),
      points: draft.deduction ? -amount : amount,
      monthlyLimit,
      yearlyLimit,
      evidenceRequired: draft.evidenceRequired,
      restorable: draft.deduction && draft.restorable,
      rectifyDays: draft.deduction && draft.restorable ? rectifyDays : null,
      claimable: !draft.deduction && draft.claimable,
    })
  }
  return { ok: true, rules }
}

/** '' → null (not set); digits → the number; anything else → undefined (not a whole number). */
function wholeNumber(text: string): number | null | undefined {
  const trimmed = text.trim()
  if (trimmed === '') return null
  return /^\d{1,4}$/.test(trimmed) ? Number(trimmed) : undefined
}
