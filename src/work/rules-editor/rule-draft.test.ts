import type { RuleView } from '../../core/contracts/score'
import { draftOf, newDraft, rulesOf } from './rule-draft'

const clutter: RuleView = {
  id: 3,
  code: 'env-clutter',
  category: '人居环境',
  title: '房前屋后乱堆乱放',
  points: -5,
  monthlyLimit: null,
  yearlyLimit: null,
  evidenceRequired: true,
  restorable: true,
  claimable: false,
  rectifyDays: 7,
}

describe('rule drafts', () => {
  it('When a published rule is edited unchanged, then it is published exactly as it was (without its id)', () => {
    const { id: _id, ...expected } = clutter
    expect(rulesOf([draftOf(clutter)])).toEqual({ ok: true, rules: [expected] })
  })

  it('When an amount is not a whole number, then the form says which rule', () => {
    const draft = { ...draftOf(clutter), amount: '2.5' }
    expect(rulesOf([newDraft(1), draft])).toEqual({ ok: false, message: '第 2 条「房前屋后乱堆乱放」的分值要填整数' })
  })

  it('When a rule becomes an addition, then it is not restorable and keeps no rectify days', () => {
    const result = rulesOf([{ ...draftOf(clutter), deduction: false, claimable: true }])
    expect(result).toMatchObject({ ok: true, rules: [{ points: 5, restorable: false, rectifyDays: null, claimable: true }] })
  })

  it('gives new rules distinct lowercase codes', () => {
    expect(newDraft(1).code).not.toBe(newDraft(2).code)
    expect(newDraft(123456789).code).toMatch(/^[a-z0-9-]{2,40}$/)
  })
})
