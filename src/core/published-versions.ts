/**
 * Terms published as versions, each from a day on (a bank's 善治贷 terms, an alliance's star terms):
 * never edited, the one in force on a day is the newest to have taken effect.
 */
export type DatedVersion = { effectiveFrom: string; version: number }

/** Of one publisher's versions, the one in force on `day` (Asia/Shanghai "2026-12-01"): the latest to have taken effect, the newer version on a tie. */
export function versionInForce<T extends DatedVersion>(rows: readonly T[], day: string): T | undefined {
  return rows
    .filter((r) => r.effectiveFrom <= day)
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.version - a.version)[0]
}

/** True for a real calendar day written "2026-12-01". */
export function isCalendarDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day
}
