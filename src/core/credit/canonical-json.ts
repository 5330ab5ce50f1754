/**
 * The one spelling of a value that a signature covers: JSON with object keys in code-point order, no
 * spaces, and only what a certificate holds (strings, whole numbers, booleans, null, arrays, plain
 * objects). Anything else (a fraction, undefined, NaN) is refused rather than spelt two ways.
 */
export type CanonicalValue = string | number | boolean | null | readonly CanonicalValue[] | { readonly [key: string]: CanonicalValue }

export function canonicalJson(value: CanonicalValue): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`only whole numbers are signed: ${value}`)
    return String(value)
  }
  if (Array.isArray(value)) return `[${value.map((item: CanonicalValue) => canonicalJson(item)).join(',')}]`
  if (typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((key) => {
        const inner = (value as { readonly [key: string]: CanonicalValue })[key]
        if (inner === undefined) throw new TypeError(`a signed value has no undefined fields: ${key}`)
        return `${JSON.stringify(key)}:${canonicalJson(inner)}`
      })
    return `{${entries.join(',')}}`
  }
  throw new TypeError(`not a signable value: ${typeof value}`)
}
