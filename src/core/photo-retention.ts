import { localDay, shanghaiInstant } from './period'
import { isTickFrom } from './timer-tick'

const DAY_MS = 24 * 3600 * 1000

/** A case whose photos may be deleted once it has been closed long enough: a notice or a matter. */
export type PhotoCase = {
  /** `notice:<id>` or `matter:<id>`. */
  key: string
  villageId: string
  /** When it closed (rectified; rated, merged or declined); null while it is open. */
  closedAt: Date | null
  photos: readonly string[]
}

/**
 * The photos to delete now: those every case holding them closed more than its village's kept days
 * ago (one inspection photo stands on several households' notices; it goes when the last of them
 * has expired). Each comes with the case that let it go (the latest to close).
 */
export function expiredPhotos(cases: readonly PhotoCase[], keptDaysOf: (villageId: string) => number, now: Date): { fileId: string; closedCase: string }[] {
  const latest = new Map<string, { expiresAt: number; closedCase: string } | 'open'>()
  for (const c of cases) {
    for (const fileId of c.photos) {
      const held = latest.get(fileId)
      if (held === 'open') continue
      if (c.closedAt === null) {
        latest.set(fileId, 'open')
        continue
      }
      const expiresAt = c.closedAt.getTime() + keptDaysOf(c.villageId) * DAY_MS
      if (!held || expiresAt > held.expiresAt) latest.set(fileId, { expiresAt, closedCase: c.key })
    }
  }
  const expired: { fileId: string; closedCase: string }[] = []
  for (const [fileId, held] of latest) {
    if (held !== 'open' && held.expiresAt <= now.getTime()) expired.push({ fileId, closedCase: held.closedCase })
  }
  return expired
}

/** Retention runs once a day, on the timer's tick in the ten minutes from 03:00 Shanghai time (quiet at night). */
export const RETENTION_HOUR = 3

export function isRetentionTick(now: Date): boolean {
  return isTickFrom(shanghaiInstant(localDay(now), RETENTION_HOUR), now)
}
