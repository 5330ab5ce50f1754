/**
 * The PIN of a printed point card (for villagers without a phone). Six digits, set by a village
 * cadre with the villager present. Wrong guesses are limited: after MAX_PIN_FAILURES wrong PINs in a
 * row the card is locked until a cadre sets a new PIN.
 */
export const PIN_LENGTH = 6
export const MAX_PIN_FAILURES = 5

/** Why a PIN may not be used, or null when it is acceptable. */
export function pinProblem(pin: string): string | null {
  if (!/^\d{6}$/.test(pin)) return '密码应为 6 位数字'
  if (/^(\d)\1{5}$/.test(pin)) return '密码不能是 6 个相同的数字'
  if ('0123456789'.includes(pin) || '9876543210'.includes(pin)) return '密码不能是连续的数字'
  return null
}
