import { z } from 'zod'

/** How long a rectified notice stays in the public channel unless the village decides otherwise. */
export const DEFAULT_RECTIFIED_VISIBLE_DAYS = 3

/** What a village decides for itself (村里的设置). */
export const villageSettingsSchema = z.object({
  /** Grid leaders' scores wait as pending until a cadre approves them. */
  gridLeaderScoresNeedApproval: z.boolean(),
  /** Days a rectified notice stays in the public channel (0: it leaves when rectified; overdue ones always stay). */
  rectifiedVisibleDays: z.number().int().min(0, '天数不能是负数').max(90, '最多留 90 天'),
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
  }
}
