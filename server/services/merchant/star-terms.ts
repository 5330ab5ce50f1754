import { and, desc, eq, inArray, lte, max } from 'drizzle-orm'
import type { StarTermsPage, StarTermsView } from '../../../src/core/contracts/merchant'
import { AppError } from '../../../src/core/errors'
import { starsShown, type StarTerms } from '../../../src/core/merchant/star-terms'
import { formatYuan } from '../../../src/core/money'
import { localDay } from '../../../src/core/period'
import { mayActOn } from '../../../src/core/policy'
import { isCalendarDay, versionInForce } from '../../../src/core/published-versions'
import type { Db } from '../../store/database'
import { allianceStarTerms, orgs } from '../../store/schema'
import { findCaller, loadCaller } from '../shared/caller'
import { recordAudit } from '../org/audit-trail'
import { orgRef } from '../org/org-scope'
import { allianceInScope } from './merchants'

type TermsRow = typeof allianceStarTerms.$inferSelect

/** 星级评比规则: the alliance's versions, newest first, the one in force today marked. Published: anyone reads them. */
export async function listStarTerms(db: Db, openid: string, input: { allianceId: string }): Promise<StarTermsPage> {
  const caller = await findCaller(db, openid)
  const [alliance] = await db.select().from(orgs).where(and(eq(orgs.id, input.allianceId), eq(orgs.kind, 'alliance')))
  if (!alliance) throw new AppError('NOT_FOUND', '没有找到这个商家联盟')
  const rows = await db.select().from(allianceStarTerms).where(eq(allianceStarTerms.allianceId, alliance.id)).orderBy(desc(allianceStarTerms.version))
  const inForce = versionInForce(rows, localDay(new Date()))
  return {
    alliance: orgRef(alliance),
    versions: rows.map((row) => ({ ...starTermsView(row), inForce: row.id === inForce?.id })),
    mayPublish: caller !== null && mayActOn(caller.grants, 'editRules', [alliance.path]),
  }
}

/**
 * Publishes a new version of the alliance's star terms from a day on (today or later); earlier versions
 * and the ratings made under them stay as they were. Its committee or the street's admin. Audited.
 */
export async function publishStarTerms(db: Db, openid: string, input: StarTerms & { allianceId: string; effectiveFrom: string }): Promise<StarTermsView> {
  const caller = await loadCaller(db, openid)
  const alliance = await allianceInScope(db, caller, input.allianceId, 'editRules')
  if (!isCalendarDay(input.effectiveFrom)) throw new AppError('INVALID_INPUT', '生效日期不对，请重新选择', { effectiveFrom: '生效日期不对' })
  if (input.effectiveFrom < localDay(new Date())) throw new AppError('INVALID_INPUT', '生效日期不能早于今天', { effectiveFrom: '生效日期不能早于今天' })
  // One publication at a time per alliance: its row is locked until the version is written.
  await db.select({ id: orgs.id }).from(orgs).where(eq(orgs.id, alliance.id)).for('update')
  const [{ latest }] = await db.select({ latest: max(allianceStarTerms.version) }).from(allianceStarTerms).where(eq(allianceStarTerms.allianceId, alliance.id))
  const [row] = await db
    .insert(allianceStarTerms)
    .values({
      allianceId: alliance.id,
      version: (latest ?? 0) + 1,
      effectiveFrom: input.effectiveFrom,
      windowMonths: input.windowMonths,
      bands: input.bands,
      redMinStars: input.redMinStars,
      blackLine: input.blackLine,
      publishedBy: openid,
    })
    .returning()
  const view = starTermsView(row)
  await recordAudit(db, { actorOpenid: openid, action: 'alliance.starTerms', orgId: alliance.id, after: { version: row.version, effectiveFrom: row.effectiveFrom, bands: view.bandLines, redMinStars: row.redMinStars, blackLine: row.blackLine } })
  return view
}

/** The star terms in force on `day` for each of the alliances that published any. */
export async function starTermsInForce(db: Db, allianceIds: readonly string[], day: string): Promise<Map<string, TermsRow>> {
  if (allianceIds.length === 0) return new Map()
  const rows = await db
    .select()
    .from(allianceStarTerms)
    .where(and(inArray(allianceStarTerms.allianceId, [...allianceIds]), lte(allianceStarTerms.effectiveFrom, day)))
  const found = new Map<string, TermsRow>()
  for (const allianceId of allianceIds) {
    const row = versionInForce(rows.filter((r) => r.allianceId === allianceId), day)
    if (row) found.set(allianceId, row)
  }
  return found
}

function starTermsView(row: TermsRow): StarTermsView {
  return {
    id: row.id,
    version: row.version,
    effectiveFrom: row.effectiveFrom,
    windowMonths: row.windowMonths,
    bands: row.bands,
    redMinStars: row.redMinStars,
    blackLine: row.blackLine,
    bandLines: row.bands.map((band) => `近 ${row.windowMonths} 个月积分满 ${band.minPoints} 分：${starsShown(band.stars)}${band.rewardFen ? `，年度表彰奖励 ${formatYuan(band.rewardFen)} 元` : ''}`),
    publishedAt: row.createdAt.toISOString(),
  }
}
