import { eq, inArray, sql } from 'drizzle-orm'
import { CLOSED_MATTER_STATUSES, type MatterStatus } from '../../../src/core/matter'
import { expiredPhotos, type PhotoCase } from '../../../src/core/photo-retention'
import { villageSettingsOf } from '../../../src/core/village-settings'
import type { DeletePhotos } from '../../platform/delete-photos'
import type { Db } from '../../store/database'
import { households, matters, matterSteps, notices, orgs, photoDeletions, scoreRecords } from '../../store/schema'

/**
 * Deletes from storage the photos of cases closed longer ago than their village keeps photos
 * (村里的设置 → photoKeptDays): a rectified notice's inspection and proof photos, a closed matter's
 * photos and those of its steps. A photo still on an open case (another household's notice, a score
 * waiting for approval) stays. The ledger and the cases' rows are not touched; each deletion is
 * recorded, so pages leave the photo out and no photo is deleted twice. Returns how many went.
 */
export async function deleteExpiredPhotos(db: Db, deletePhotos: DeletePhotos, now: Date): Promise<number> {
  const villages = await db.select({ id: orgs.id, settings: orgs.settings }).from(orgs).where(eq(orgs.kind, 'village'))
  const keptDays = new Map(villages.map((v) => [v.id, villageSettingsOf(v.settings).photoKeptDays]))
  const keptDaysOf = (villageId: string) => keptDays.get(villageId) ?? villageSettingsOf(null).photoKeptDays

  const expired = expiredPhotos(await casesWithPhotos(db), keptDaysOf, now)
  if (expired.length === 0) return 0
  const deleted = new Set(
    (await db.select({ fileId: photoDeletions.fileId }).from(photoDeletions).where(inArray(photoDeletions.fileId, expired.map((p) => p.fileId)))).map((r) => r.fileId),
  )
  const due = expired.filter((p) => !deleted.has(p.fileId))
  if (due.length === 0) return 0
  const gone = new Set(await deletePhotos(due.map((p) => p.fileId)))
  const recorded = due.filter((p) => gone.has(p.fileId)).map((p) => ({ ...p, deletedAt: now }))
  if (recorded.length > 0) await db.insert(photoDeletions).values(recorded).onConflictDoNothing()
  return recorded.length
}

/** Every notice, matter and pending score that holds photos, with when it closed (null: open). */
async function casesWithPhotos(db: Db): Promise<PhotoCase[]> {
  const noticeRows = await db
    .select({ id: notices.id, villageId: notices.villageId, status: notices.status, rectifiedAt: notices.rectifiedAt, photos: notices.photos, proofPhotos: notices.proofPhotos })
    .from(notices)
    .where(sql`jsonb_array_length(${notices.photos}) + jsonb_array_length(${notices.proofPhotos}) > 0`)
  const matterRows = await db
    .select({ id: matters.id, villageId: matters.villageId, status: matters.status, closedAt: matters.closedAt, photos: matters.photos })
    .from(matters)
  const stepRows = await db
    .select({ matterId: matterSteps.matterId, photos: matterSteps.photos })
    .from(matterSteps)
    .where(sql`jsonb_array_length(${matterSteps.photos}) > 0`)
  const pendingScores = await db
    .select({ id: scoreRecords.id, villageId: households.villageId, photos: scoreRecords.photos })
    .from(scoreRecords)
    .innerJoin(households, eq(households.id, scoreRecords.householdId))
    .where(sql`${scoreRecords.status} = 'pending' and jsonb_array_length(${scoreRecords.photos}) > 0`)

  const stepPhotos = new Map<number, string[]>()
  for (const step of stepRows) stepPhotos.set(step.matterId, [...(stepPhotos.get(step.matterId) ?? []), ...step.photos])
  return [
    // A withdrawn notice has no closing time of its own: its photos are kept (as an open case's are).
    ...noticeRows.map((n) => ({
      key: `notice:${n.id}`,
      villageId: n.villageId,
      closedAt: n.status === 'rectified' ? n.rectifiedAt : null,
      photos: [...n.photos, ...n.proofPhotos],
    })),
    ...matterRows.map((m) => ({
      key: `matter:${m.id}`,
      villageId: m.villageId,
      closedAt: CLOSED_MATTER_STATUSES.includes(m.status as MatterStatus) ? m.closedAt : null,
      photos: [...m.photos, ...(stepPhotos.get(m.id) ?? [])],
    })),
    ...pendingScores.map((s) => ({ key: `score:${s.id}`, villageId: s.villageId, closedAt: null, photos: s.photos })),
  ]
}
