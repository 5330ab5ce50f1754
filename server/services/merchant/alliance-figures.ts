import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { AllianceFigures } from '../../../src/core/contracts/street'
import type { OrgKind } from '../../../src/core/org'
import type { Db } from '../../store/database'
import { households, orgs, unitPoints, unitRoster } from '../../store/schema'
import { merchantStandings } from './board'

/**
 * 街道总览's alliance numbers: each live 商家自治联盟 directly under the street with its merchants and bound
 * owners (the unit's kept roster row), how many stand on the red and the black list now, and the points
 * given and deducted in the period (the unit's kept totals): read beside the villages, never added to them.
 */
export async function allianceFigures(db: Db, streetId: string, period: string, now = new Date()): Promise<AllianceFigures[]> {
  const alliances = await db
    .select({ id: orgs.id, name: orgs.name, kind: orgs.kind })
    .from(orgs)
    .where(and(eq(orgs.parentId, streetId), eq(orgs.kind, 'alliance'), isNull(orgs.retiredAt)))
    .orderBy(orgs.name)
  if (alliances.length === 0) return []
  const ids = alliances.map((a) => a.id)
  const roster = await db.select().from(unitRoster).where(inArray(unitRoster.orgId, ids))
  const points = await db
    .select({ orgId: unitPoints.orgId, given: sql<number>`sum(${unitPoints.given})`.mapWith(Number), deducted: sql<number>`sum(${unitPoints.deducted})`.mapWith(Number) })
    .from(unitPoints)
    .where(and(inArray(unitPoints.orgId, ids), eq(unitPoints.period, period)))
    .groupBy(unitPoints.orgId)
  const merchants = await db
    .select({ id: households.id, allianceId: households.villageId })
    .from(households)
    .where(and(inArray(households.villageId, ids), eq(households.memberKind, 'merchant')))
  const standings = await merchantStandings(db, merchants, now)
  return alliances.map((alliance) => {
    const own = merchants.filter((m) => m.allianceId === alliance.id).map((m) => standings.get(m.id)!.standing.list)
    const kept = roster.find((r) => r.orgId === alliance.id)
    const moved = points.find((p) => p.orgId === alliance.id)
    return {
      org: { id: alliance.id, name: alliance.name, kind: alliance.kind as OrgKind },
      merchants: kept?.households ?? 0,
      boundOwners: kept?.boundHouseholds ?? 0,
      red: own.filter((list) => list === 'red').length,
      black: own.filter((list) => list === 'black').length,
      given: moved?.given ?? 0,
      deducted: moved?.deducted ?? 0,
    }
  })
}
