import fc from 'fast-check'
import type { z } from 'zod'

/**
 * Generated bad input for one action, derived from its zod schema and going beyond it: wrong types,
 * huge strings, unicode, prototype keys, missing fields, arrays where objects go, nested garbage.
 * The result is the raw JSON text the gateway receives (so `__proto__` can be an own key).
 */

const HUGE = 'x'.repeat(200_000)
const NASTY_STRINGS = [
  '',
  ' ',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  "' or 1=1 --",
  '"; drop table households; --',
  '<script>alert(1)</script>',
  '\u0000\u0001\u001f',
  '\ud800',
  '𠜎𠜱𠝹𠱓 👨‍👩‍👧‍👦 ٩(̾●̮̮̃̾•̃̾)۶',
  '张建国'.repeat(100),
  '../../etc/passwd',
  'local://../../secret.jpg',
  'cloud://',
  '1e309',
  '-0',
  'NaN',
  HUGE,
]
const NASTY_NUMBERS = [0, -1, -0, 0.5, 1e-9, 2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1, 2 ** 53, Number.MAX_SAFE_INTEGER, 1e308, -1e308]

/** Values of the wrong kind, or of the right kind at the edges. */
export const junkValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<unknown>(null, true, false, ...NASTY_STRINGS, ...NASTY_NUMBERS),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.integer(),
    fc.double(),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'a', 'action', 'requestId', 'id'), tie('value'), { maxKeys: 3 }),
  ),
})).value

/** A plausible value for a field: often of the right type and near real ids, so junk elsewhere reaches deeper checks. */
function plausible(key: string, schema: z.ZodType): fc.Arbitrary<unknown> {
  const def = (schema as unknown as { def: Record<string, unknown> & { type: string } }).def
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
      return fc.oneof(fc.constant(def.type === 'nullable' ? null : undefined), plausible(key, def.innerType as z.ZodType))
    case 'pipe':
      return plausible(key, def.in as z.ZodType)
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]))
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>))
    case 'union':
      return fc.oneof(...(def.options as z.ZodType[]).map((o) => plausible(key, o)))
    case 'boolean':
      return fc.boolean()
    case 'number':
      return fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constantFrom(...NASTY_NUMBERS))
    case 'array':
      return fc.array(plausible(key, def.element as z.ZodType), { maxLength: 3 })
    case 'object':
      return plausibleObject(schema as z.ZodObject)
    case 'string':
      return plausibleString(key)
    default:
      return junkValue
  }
}

function plausibleString(key: string): fc.Arbitrary<string> {
  if (key === 'requestId') return fc.stringMatching(/^junk-[a-z0-9]{8}$/)
  const ids = ['v-zjq', 'v-tj', 'h-zjq-01', 'h-zjq-03', 'h-tj-05', 'shop-zjq', 'st-danghu', 'c-donghu', 'mg-zjq-1-1', 'g-zjq-1', 'rs-zjq', 'rs-danghu']
  if (/id$/i.test(key)) return fc.oneof(fc.constantFrom(...ids), fc.string({ maxLength: 20 }))
  if (/period/.test(key)) return fc.constantFrom('2026', '2026-11', '2026-13', '1999-00', '20261')
  if (/day/.test(key)) return fc.constantFrom('2026-11-24', '2026-02-30', '0000-00-00', '9999-99-99')
  if (/photo/i.test(key)) return fc.constantFrom('local://0b7f3c1e-9a55-4c55-9d0e-3a1f6a7b8c9d.jpg', 'cloud://env/a.jpg', 'http://evil/x.jpg')
  return fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 30 }), fc.constantFrom(...NASTY_STRINGS))
}

function plausibleObject(schema: z.ZodObject): fc.Arbitrary<Record<string, unknown>> {
  const entries = Object.entries(schema.shape) as [string, z.ZodType][]
  if (entries.length === 0) return fc.constant({})
  return fc.record(Object.fromEntries(entries.map(([key, field]) => [key, plausible(key, field)])), { requiredKeys: [] })
}

export type JunkEvent = { text: string; how: string }

/**
 * One bad event for `action`: a plausible event broken in one to three ways, or an event that is
 * not an object at all. The action name stays (so the action's own validation is what answers).
 */
export function junkEvent(action: string, schema: z.ZodObject): fc.Arbitrary<JunkEvent> {
  const keys = Object.keys(schema.shape)
  const field = keys.length > 0 ? fc.constantFrom(...keys) : fc.constantFrom('extra')
  const breakage = fc.oneof(
    fc.record({ kind: fc.constant('wrong value' as const), key: field, value: junkValue }),
    fc.record({ kind: fc.constant('missing field' as const), key: field }),
    fc.record({ kind: fc.constant('array for object' as const), key: field }),
    fc.record({ kind: fc.constant('huge string' as const), key: field }),
    fc.record({ kind: fc.constant('prototype key' as const), key: fc.constantFrom('__proto__', 'constructor'), value: junkValue }),
  )
  const brokenObject = fc.tuple(plausibleObject(schema), fc.array(breakage, { minLength: 1, maxLength: 3 })).map(([event, breaks]): JunkEvent => {
    const copy: Record<string, unknown> = { ...event }
    const prototypeKeys: string[] = []
    for (const b of breaks) {
      if (b.kind === 'wrong value') copy[b.key] = b.value
      if (b.kind === 'missing field') delete copy[b.key]
      if (b.kind === 'array for object') copy[b.key] = [copy[b.key], { ...event }]
      if (b.kind === 'huge string') copy[b.key] = HUGE
      if (b.kind === 'prototype key') prototypeKeys.push(`${JSON.stringify(b.key)}:${JSON.stringify(b.value ?? null) ?? 'null'}`)
    }
    const body = JSON.stringify({ action, ...copy })
    const text = prototypeKeys.length > 0 ? `{${prototypeKeys.join(',')},${body.slice(1)}` : body
    return { text, how: breaks.map((b) => `${b.kind} ${b.key}`).join('; ') }
  })
  const notAnObject = fc.oneof(
    junkValue.map((value): JunkEvent => ({ text: JSON.stringify({ action, payload: value }), how: 'nothing but an unknown field' })),
    fc.constantFrom<JunkEvent>(
      { text: JSON.stringify([{ action }]), how: 'array for the event' },
      { text: JSON.stringify({ action: [action] }), how: 'array for the action' },
      { text: JSON.stringify({ action: { name: action } }), how: 'object for the action' },
      { text: `{"action":${JSON.stringify(action)},"__proto__":{"openid":"demo-admin","isAdmin":true}}`, how: 'prototype pollution' },
      { text: `{"action":${JSON.stringify(action)},"constructor":{"prototype":{"isAdmin":true}}}`, how: 'constructor pollution' },
    ),
  )
  return fc.oneof({ weight: 4, arbitrary: brokenObject }, { weight: 1, arbitrary: notAnObject })
}
