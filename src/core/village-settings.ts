import { z } from 'zod'

/** How long a rectified notice stays in the public channel unless the village decides otherwise. */
export const DEFAULT_RECTIFIED_VISIBLE_DAYS = 3

/**
 * How long the photos of a closed case (a rectified notice, a closed matter) are kept before they are
 * deleted from storage, unless the village decides otherwise: long enough for an appeal or a question
 * at the year's end, short enough that a family's courtyard is not on file for ever.
 */
export const DEFAULT_PHOTO_KEPT_DAYS = 180

/** What a village decides for itself (村里的设置). */
export const villageSettingsSchema = z.object({
  /** Grid leaders' scores wait as pending until a cadre approves them. */
  gridLeaderScoresNeedApproval: z.boolean(),
  /** Days a rectified notice stays in the public channel (0: it leaves when rectified; overdue ones always stay). */
  rectifiedVisibleDays: z.number().int().min(0, '天数不能是负数').max(90, '最多留 90 天'),
  /** Days the photos of a closed case are kept before they are deleted (the ledger itself is never touched). */
  photoKeptDays: z.number({ error: '请填写照片保存的天数' }).int('天数要是整数').min(30, '照片至少保存 30 天').max(1095, '照片最多保存 3 年（1095 天）'),
})

export type VillageSettings = z.infer<typeof villageSettingsSchema>

/**
 * A village's stored settings with the defaults for what it has not decided; other keys stored
 * beside them (such as the cooperative's name) are left out.
 */
export function villageSettingsOf(stored: unknown): VillageSettings {
  const decided = villageSettingsSchema.partial().safeParse(stored ?? {})
  const values = decided.success ? decided.data : {}
  return {
    gridLeaderScoresNeedApproval: values.gridLeaderScoresNeedApproval ?? false,
    rectifiedVisibleDays: values.rectifiedVisibleDays ?? DEFAULT_RECTIFIED_VISIBLE_DAYS,
    photoKeptDays: values.photoKeptDays ?? DEFAULT_PHOTO_KEPT_DAYS,
  }
}
