import type { RuleView } from '../../core/contracts/score'
import { MERCHANT_RULE_CATEGORIES, ruleCategoriesFor, VILLAGE_RULE_CATEGORIES } from '../../core/rules'
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
    expect(rulesOf([newDraft(VILLAGE_RULE_CATEGORIES, 1), draft])).toEqual({ ok: false, message: '第 2 条「房前屋后乱堆乱放」的分值要填整数' })
  })

  it('When a rule becomes an addition, then it is not restorable and keeps no rectify days', () => {
    const result = rulesOf([{ ...draftOf(clutter), deduction: false, claimable: true }])
    expect(result).toMatchObject({ ok: true, rules: [{ points: 5, restorable: false, rectifyDays: null, claimable: true }] })
  })

  it('gives new rules distinct lowercase codes', () => {
    expect(newDraft(VILLAGE_RULE_CATEGORIES, 1).code).not.toBe(newDraft(VILLAGE_RULE_CATEGORIES, 2).code)
    expect(newDraft(VILLAGE_RULE_CATEGORIES, 123456789).code).toMatch(/^[a-z0-9-]{2,40}$/)
  })

  it('When an alliance’s committee adds a rule, then it starts in 食品安全 and the picker offers the six merchant categories only; a village’s offers none of them', () => {
    expect(newDraft(ruleCategoriesFor('merchant')).category).toBe('食品安全')
    expect(ruleCategoriesFor('merchant')).toEqual(['食品安全', '环境卫生', '门前三包', '消防安全', '诚信经营', '参加培训'])
    expect(newDraft(ruleCategoriesFor('household')).category).toBe('人居环境')
    expect(ruleCategoriesFor('household').filter((c) => (MERCHANT_RULE_CATEGORIES as readonly string[]).includes(c))).toEqual([])
  })
})
