import { desc, eq, sql } from 'drizzle-orm'
import type { VillageSettingsView } from '../../../src/core/contracts/account'
import { AppError } from '../../../src/core/errors'
import { mayActOn } from '../../../src/core/policy'
import { villageSettingsOf, type VillageSettings } from '../../../src/core/village-settings'
import type { Db } from '../../store/database'
import { orgs, users, villageSettingChanges } from '../../store/schema'
import { loadCaller } from '../shared/caller'

/** A village's settings as scoring and the notice channels apply them. */
export async function readVillageSettings(db: Db, villageId: string): Promise<VillageSettings> {
  const [village] = await db.select({ settings: orgs.settings }).from(orgs).where(eq(orgs.id, villageId))
  return villageSettingsOf(village?.settings)
}

/** 村里的设置 as the village's cadre (or its street's admin) sees them. */
export async function villageSettings(db: Db, openid: string, input: { orgId: string }): Promise<VillageSettingsView> {
  const village = await settingsVillage(db, openid, input.orgId)
  return settingsView(db, village, village.settings)
}

/** Saves the village's settings and, when they change, who changed them from what; other stored keys (the cooperative's name) stay. */
export async function saveVillageSettings(
  db: Db,
  openid: string,
  input: Omit<VillageSettings, 'photoKeptDays'> & { orgId: string; photoKeptDays?: number },
): Promise<VillageSettingsView> {
  // Locked, so that two saves at once each record the settings the other left as their `before`.
  const village = await settingsVillage(db, openid, input.orgId, { lock: true })
  const chosen: Partial<VillageSettings> = {
    gridLeaderScoresNeedApproval: input.gridLeaderScoresNeedApproval,
    rectifiedVisibleDays: input.rectifiedVisibleDays,
    ...(input.photoKeptDays === undefined ? {} : { photoKeptDays: input.photoKeptDays }),
  }
  const before = villageSettingsOf(village.settings)
  const [saved] = await db
    .update(orgs)
    .set({ settings: sql`${orgs.settings} || ${JSON.stringify(chosen)}::jsonb` })
    .where(eq(orgs.id, village.id))
    .returning({ settings: orgs.settings })
  const after = villageSettingsOf(saved.settings)
  if (JSON.stringify(before) !== JSON.stringify(after)) {
    await db.insert(villageSettingChanges).values({ villageId: village.id, actorOpenid: openid, before, after })
  }
  return settingsView(db, village, saved.settings)
}

async function settingsView(db: Db, village: { id: string; name: string }, stored: unknown): Promise<VillageSettingsView> {
  const [last] = await db
    .select({ byName: users.displayName, at: villageSettingChanges.createdAt })
    .from(villageSettingChanges)
    .innerJoin(users, eq(users.openid, villageSettingChanges.actorOpenid))
    .where(eq(villageSettingChanges.villageId, village.id))
    .orderBy(desc(villageSettingChanges.id))
    .limit(1)
  return {
    village: { id: village.id, name: village.name, kind: 'village' },
    ...villageSettingsOf(stored),
    lastChange: last ? { byName: last.byName, at: last.at.toISOString() } : null,
  }
}

async function settingsVillage(db: Db, openid: string, orgId: string, { lock = false } = {}) {
  const caller = await loadCaller(db, openid)
  const select = db.select().from(orgs).where(eq(orgs.id, orgId))
  const [org] = await (lock ? select.for('update') : select)
  if (!org || org.kind !== 'village') throw new AppError('NOT_FOUND', '没有找到这个村')
  if (!mayActOn(caller.grants, 'manageVillageSettings', [org.path])) throw new AppError('FORBIDDEN', '只有本村的村干部能改村里的设置')
  return org
}
