import { and, eq, gte, inArray } from 'drizzle-orm'
import type { CertificateStatements } from '../../../src/core/credit/certificate'
import { maskName } from '../../../src/core/mask'
import { periodsOf } from '../../../src/core/period'
import { rankBand } from '../../../src/core/ranking'
import { shownStatus, type NoticeStatus } from '../../../src/core/rectification'
import type { Db } from '../../store/database'
import { selectRanking } from '../../store/household-views'
import { appeals, householdPeriodPoints, households, notices, orgs } from '../../store/schema'

/**
 * What a certificate states about a household at `now`, from the data kept: earned points per
 * Asia/Shanghai year (the totals kept in step with the ledger), the village ranking's band for this
 * year, notices overdue now, and deductions upheld on appeal in the last 12 months.
 */
export async function householdStatements(db: Db, householdId: string, now: Date, headShown: boolean): Promise<CertificateStatements> {
  const [row] = await db
    .select({ household: households, village: { name: orgs.name, path: orgs.path, settings: orgs.settings } })
    .from(households)
    .innerJoin(orgs, eq(orgs.id, households.villageId))
    .where(eq(households.id, householdId))
  const { household, village } = row
  const year = periodsOf(now).year
  const lastYear = String(Number(year) - 1)
  const totals = await db
    .select({ period: householdPeriodPoints.period, points: householdPeriodPoints.points })
    .from(householdPeriodPoints)
    .where(and(eq(householdPeriodPoints.householdId, householdId), inArray(householdPeriodPoints.period, [year, lastYear])))
  const pointsIn = (period: string) => totals.find((t) => t.period === period)?.points ?? 0

  // Ranked as the village's ranking page ranks this year: ties share the better rank.
  const [mine] = await selectRanking(db, village.path, year, { size: 0, householdId })

  const open = await db
    .select({ status: notices.status, deadline: notices.deadline })
    .from(notices)
    .where(and(eq(notices.householdId, householdId), eq(notices.status, 'open')))
  const yearAgo = new Date(now)
  yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1)
  const upheld = await db
    .select({ id: appeals.id })
    .from(appeals)
    .where(and(eq(appeals.householdId, householdId), eq(appeals.status, 'upheld'), gte(appeals.decidedAt, yearAgo)))

  return {
    village: village.name,
    cooperative: (village.settings as { cooperative?: string }).cooperative ?? `${village.name}股份经济合作社`,
    head: headShown ? household.headName : maskName(household.headName),
    headShown,
    shares: household.shares,
    thisYear: { year, points: pointsIn(year) },
    lastYear: { year: lastYear, points: pointsIn(lastYear) },
    rankBand: rankBand(mine.rank, mine.total),
    overdueRectifications: open.filter((n) => shownStatus({ status: n.status as NoticeStatus, deadline: n.deadline }, now) === 'overdue').length,
    upheldDeductions: upheld.length,
  }
}
