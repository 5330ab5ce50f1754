import vm from 'node:vm'
import { ignoreIntlTimeZone } from '../../support/android-intl'

/** Shanghai is UTC+8 all year: a device whose zone has this offset would hide time-zone bugs. */
const SHANGHAI_OFFSET_MINUTES = -480

/**
 * A fresh JS context shaped like Android WeChat's app service: only the globals given (the
 * framework's App, Page, wx…, timers, console), so no window, document, fetch or process. Where Android's engine
 * differs from Node it behaves like Android: `Intl.DateTimeFormat` and `toLocaleString` ignore the
 * `timeZone` option (dayjs #2635, Taro #16078), so only code that computes Shanghai time itself is right.
 */
export function createAndroidJsContext(globals: Record<string, unknown>): vm.Context {
  if (new Date(2026, 0, 15).getTimezoneOffset() === SHANGHAI_OFFSET_MINUTES) {
    throw new Error('The weapp suite must run with a device zone other than Shanghai: set TZ (npm run test:weapp sets America/New_York)')
  }
  const context = vm.createContext({ ...globals })
  ignoreIntlTimeZone(vm.runInContext('globalThis', context) as typeof globalThis)
  return context
}
