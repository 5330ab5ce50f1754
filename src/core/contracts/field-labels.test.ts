import type { z } from 'zod'
import { accountInputs } from './account'
import { cardInputs } from './card'
import { creditInputs } from './credit'
import { dividendInputs } from './dividend'
import { FIELD_LABELS } from './field-labels'
import { merchantInputs } from './merchant'
import { noticeInputs } from './notice'
import { plainIssueMessage } from './plain-issues'
import { scoreInputs } from './score'

/** Every field name in a schema, nested objects and lists of objects included. */
function fieldNames(schema: z.ZodType, into = new Set<string>()): Set<string> {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def
  if (def.type === 'object') {
    for (const [name, inner] of Object.entries(def.shape as Record<string, z.ZodType>)) fieldNames(inner, into.add(name))
  } else if (def.type === 'array') fieldNames(def.element as z.ZodType, into)
  else if (['optional', 'nullable', 'default'].includes(def.type as string)) fieldNames(def.innerType as z.ZodType, into)
  else if (def.type === 'pipe') fieldNames(def.in as z.ZodType, into)
  else if (def.type === 'union') for (const option of def.options as z.ZodType[]) fieldNames(option, into)
  return into
}

describe('field labels for messages about bad input', () => {
  it('When any action’s input has a field, then it has a label a person understands', () => {
    const names = new Set<string>()
    for (const inputs of [accountInputs, cardInputs, creditInputs, dividendInputs, merchantInputs, noticeInputs, scoreInputs]) {
      for (const schema of Object.values(inputs)) fieldNames(schema as z.ZodType, names)
    }
    expect(names.size).toBeGreaterThan(50)
    expect([...names].filter((name) => !FIELD_LABELS[name])).toEqual([])
  })

  it.each([
    [{ code: 'invalid_type', path: ['orgId'], input: undefined }, '请选择村'],
    [{ code: 'too_small', path: ['orgId'], origin: 'string', minimum: 1, input: '' }, '请选择村'],
    [{ code: 'invalid_type', path: ['runId'], input: null }, '请选择分红方案'],
    [{ code: 'too_big', path: ['photos'], origin: 'array', maximum: 9, input: [] }, '照片最多 9 张'],
    [{ code: 'too_big', path: ['note'], origin: 'string', maximum: 200, input: 'x' }, '说明最多 200 个字'],
    [{ code: 'too_small', path: ['items', 0, 'quantity'], origin: 'number', minimum: 1, input: 0 }, '第 1 样兑换的商品：数量不能小于 1'],
    [{ code: 'too_big', path: ['bands', 1, 'discountBp'], origin: 'number', maximum: 500, input: 900 }, '第 2 档优惠档次：利率优惠不能大于 500'],
    [{ code: 'too_big', path: ['memberNames'], origin: 'array', maximum: 30, input: [] }, '家庭成员姓名最多 30 人'],
    [{ code: 'invalid_type', path: ['ruleId'], input: '1' }, '细则的格式不对'],
    [{ code: 'invalid_format', path: ['mystery'], input: 'x' }, '填写的内容不对，请检查后重填'],
  ])('When zod reports %o, then a person reads “%s”', (issue, expected) => {
    expect(plainIssueMessage({ message: 'validator words', custom: false, ...issue })).toBe(expected)
  })

  it('When the schema wrote its own message, then that message is kept', () => {
    expect(plainIssueMessage({ code: 'too_small', path: ['reason'], message: '请写明理由，至少 2 个字', custom: true })).toBe('请写明理由，至少 2 个字')
  })

  it('When one rule of many is wrong, then the message says which one, as the editor numbers them', () => {
    const parsed = scoreInputs.publishRules.safeParse({
      requestId: 'rq-which-rule-0001',
      ruleSetId: 'rs-zjq',
      rules: [1, 2, 3].map((n) => ({
        code: `r-${n}`,
        category: '人居环境',
        title: n === 3 ? '脏' : `第${n}条细则`,
        points: 2,
        monthlyLimit: null,
        yearlyLimit: null,
        evidenceRequired: false,
        restorable: false,
        rectifyDays: null,
        claimable: false,
      })),
    })
    expect(parsed.success).toBe(false)
    const [issue] = parsed.error!.issues
    expect(plainIssueMessage({ ...issue, custom: true })).toBe('第 3 条细则：细则名称太短')
  })
})
