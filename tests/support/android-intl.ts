/** The date methods whose `timeZone` option Android WeChat's JS engine ignores. */
const LOCALE_METHODS = ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString'] as const

/**
 * Makes a JS global behave like Android WeChat's (dayjs #2635, Taro #16078): `Intl.DateTimeFormat`
 * and `Date.prototype.toLocale*String` ignore the `timeZone` option and use the device's own zone.
 * Works on this process's globalThis or on a `vm` context's global.
 */
export function ignoreIntlTimeZone(global: typeof globalThis): void {
  const withoutZone = (options?: Intl.DateTimeFormatOptions) => (options ? { ...options, timeZone: undefined } : options)
  const NativeDateTimeFormat = global.Intl.DateTimeFormat
  // Callable with or without `new`, like the native constructor.
  const DateTimeFormat = function (locales?: string | string[], options?: Intl.DateTimeFormatOptions) {
    return new NativeDateTimeFormat(locales, withoutZone(options))
  } as unknown as typeof Intl.DateTimeFormat
  Object.assign(DateTimeFormat, { prototype: NativeDateTimeFormat.prototype, supportedLocalesOf: NativeDateTimeFormat.supportedLocalesOf })
  global.Intl.DateTimeFormat = DateTimeFormat
  for (const method of LOCALE_METHODS) {
    const native = global.Date.prototype[method] as (this: Date, locales?: string | string[], options?: Intl.DateTimeFormatOptions) => string
    global.Date.prototype[method] = function (this: Date, locales?: string | string[], options?: Intl.DateTimeFormatOptions) {
      return native.call(this, locales, withoutZone(options))
    }
  }
}
