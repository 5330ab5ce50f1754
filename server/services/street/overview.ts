import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { OrgRef } from '../../../src/core/contracts/account'
import type { CategoryPoints, CommunityFlow, StreetOverview, StreetRow, Waiting } from '../../../src/core/contracts/street'
import { byName } from '../../../src/core/by-name'
import { AppError } from '../../../src/core/errors'
import { matterNumbers } from '../../../src/core/matter-numbers'
import type { OrgKind } from '../../../src/core/org'
import { lastMonths, periodRange } from '../../../src/core/period'
import { grantsFor, mayActOn } from '../../../src/core/policy'
import { rectificationNumbers } from '../../../src/core/rectification'
import type { Db } from '../../store/database'
import { orgs } from '../../store/schema'
import {
  selectCategoryPoints,
  selectCommunityFlows,
  selectLatestRuns,
  selectMonthlyPoints,
  selectNotices,
  selectRoster,
  selectSpent,
  selectWaiting,
  type Parent,
} from '../../store/street-figures'
import { loadCaller } from '../shared/caller'
import { allianceFigures } from '../merchant/alliance-figures'
import { matterFacts, type MatterRow } from '../matter/access'
import { matterRowsUnder } from '../matter/views'

const HOUR_MS = 3600 * 1000
/** What one can drill into: a street's villages and communities, a village's (or community's) grids, a grid's micro-grids. */
const DRILLABLE: readonly string[] = ['street', 'village', 'community', 'grid']
const UNIT_KINDS: OrgKind[] = ['village', 'community', 'grid', 'micro_grid']

/**
 * 街道总览: every village and community of the admin's street side by side for a month or a year,
 * or one level further down (a village's grids, a grid's micro-grids). Read-only; the admin of the
 * street only. Every figure comes from kept totals and the action tables in a fixed number of
 * statements, however many villages there are.
 */
export async function streetOverview(db: Db, openid: string, input: { orgId?: string; period: string }, now = new Date()): Promise<StreetOverview> {
  const org = await orgInView(db, openid, input.orgId)
  const parent: Parent = { id: org.id, path: org.path }
  const { from, to } = periodRange(input.period)
  const months = lastMonths(new Date(Math.min(to.getTime(), now.getTime()) - 1), 12)
  const units = (
    await db
      .select({ id: orgs.id, name: orgs.name, kind: orgs.kind })
      .from(orgs)
      .where(and(eq(orgs.parentId, org.id), inArray(orgs.kind, UNIT_KINDS), isNull(orgs.retiredAt)))
  )
    // Villages before communities, then by name as 组织架构 lists them (pinyin).
    .sort((a, b) => UNIT_KINDS.indexOf(a.kind as OrgKind) - UNIT_KINDS.indexOf(b.kind as OrgKind) || byName(a.name, b.name))
  const roster = await selectRoster(db, parent)
  const points = await selectCategoryPoints(db, parent, input.period)
  const monthlyPoints = await selectMonthlyPoints(db, parent, months)
  const notices = await selectNotices(db, parent, from, to)
  const waiting = await selectWaiting(db, parent)
  const spent = await selectSpent(db, parent, from, to)
  const runs = await selectLatestRuns(db, parent, Number(input.period.slice(0, 4)))
  const matters = await matterRowsUnder(db, org.path)
  const gridOf = org.kind === 'street' ? new Map<string, string | null>() : await microGridParents(db, org.path)
  const raised = matters.filter((m) => m.createdAt >= from && m.createdAt < to)
  const matterUnits = (m: MatterRow) => [m.villageId, m.microGridId, m.microGridId ? gridOf.get(m.microGridId) : null]

  const monthOf = new Map(monthlyPoints.map((p) => [`${p.unitId} ${p.period}`, p]))
  const rows = units.map((unit): StreetRow => {
    const mine = <T extends { unitId: string }>(list: readonly T[]) => list.filter((r) => r.unitId === unit.id)
    const counts = mine(roster)[0]
    const categories = categoriesOf(mine(points))
    const sum = (key: keyof Omit<CategoryPoints, 'category'>) => categories.reduce((total, c) => total + c[key], 0)
    const monthly = (figure: 'given' | 'deducted' | 'earned') => months.map((month) => monthOf.get(`${unit.id} ${month}`)?.[figure] ?? 0)
    const households = counts?.households ?? 0
    const run = runs.find((r) => r.villageId === unit.id)
    return {
      org: { id: unit.id, name: unit.name, kind: unit.kind as OrgKind },
      households,
      boundHouseholds: counts?.boundHouseholds ?? 0,
      boundMembers: counts?.boundMembers ?? 0,
      given: sum('given'),
      deducted: sum('deducted'),
      net: categories.reduce((total, c) => total + earned(c), 0),
      categories,
      rectification: rectificationNumbers(mine(notices), now),
      claims: waitingOf(waiting.find((w) => w.unitId === unit.id && w.what === 'claim'), now),
      appeals: waitingOf(waiting.find((w) => w.unitId === unit.id && w.what === 'appeal'), now),
      spent: mine(spent)[0]?.spent ?? 0,
      dividend: run
        ? {
            year: run.year,
            status: run.status,
            totalFen: run.totalFen,
            incentiveFen: run.incentiveFen,
            incentiveShare: run.totalFen ? run.incentiveFen / run.totalFen : 0,
            publishedAt: run.publishedAt?.toISOString() ?? null,
          }
        : null,
      matters: matterNumbers(raised.filter((m) => matterUnits(m).includes(unit.id)).map(matterFacts), now),
      trend: { given: monthly('given'), deducted: monthly('deducted') },
      beauty: monthly('earned').map((total) => (households ? Math.round((total / households) * 10) / 10 : 0)),
    }
  })
  return {
    org: { id: org.id, name: org.name, kind: org.kind as OrgKind },
    period: input.period,
    months,
    rows,
    flows: org.kind === 'street' ? flowsOf(await selectCommunityFlows(db, parent, input.period), units) : [],
    alliances: org.kind === 'street' ? await allianceFigures(db, org.id, input.period, now) : [],
  }
}

/** The organisation looked at, once the caller may: the admin's own street when none is named. */
export async function orgInView(db: Db, openid: string, orgId: string | undefined) {
  const caller = await loadCaller(db, openid)
  const own = grantsFor(caller.grants, 'viewStreet')[0]
  if (!own) throw new AppError('FORBIDDEN', '只有街道管理员可以看街道总览')
  const [org] = await db.select().from(orgs).where(eq(orgs.id, orgId ?? own.org.id))
  if (!org) throw new AppError('NOT_FOUND', '没有找到这个街道、村或网格')
  if (!mayActOn(caller.grants, 'viewStreet', [org.path])) throw new AppError('FORBIDDEN', '您只能查看自己街道的村和社区')
  if (!DRILLABLE.includes(org.kind)) throw new AppError('INVALID_INPUT', '微网格请看农户名单')
  return org
}

/** The grid (or village) each micro-grid under `path` hangs from. */
async function microGridParents(db: Db, path: string): Promise<Map<string, string | null>> {
  const rows = await db
    .select({ id: orgs.id, parentId: orgs.parentId })
    .from(orgs)
    .where(and(eq(orgs.kind, 'micro_grid'), sql`starts_with(${orgs.path}, ${path})`))
  return new Map(rows.map((m) => [m.id, m.parentId]))
}

/** The points a household's account earned: given less deducted, with corrections and restorations. */
function earned(points: CategoryPoints): number {
  return points.given - points.deducted + points.corrected + points.restored
}

/** Category totals, the most given first. */
function categoriesOf(rows: readonly CategoryPoints[]): CategoryPoints[] {
  return rows
    .map(({ category, given, deducted, corrected, restored }) => ({ category, given, deducted, corrected, restored }))
    .sort((a, b) => b.given - a.given || b.deducted - a.deducted || a.category.localeCompare(b.category))
}

function waitingOf(row: { count: number; oldest: Date } | undefined, now: Date): Waiting {
  if (!row) return { count: 0, oldestHours: null }
  return { count: row.count, oldestHours: Math.round(((now.getTime() - row.oldest.getTime()) / HOUR_MS) * 10) / 10 }
}

function flowsOf(rows: Awaited<ReturnType<typeof selectCommunityFlows>>, units: readonly { id: string; name: string; kind: string }[]): CommunityFlow[] {
  const ref = (id: string): OrgRef => {
    const unit = units.find((u) => u.id === id)
    return { id, name: unit?.name ?? id, kind: (unit?.kind ?? 'village') as OrgKind }
  }
  return rows
    .map((r) => ({ community: ref(r.communityId), village: ref(r.villageId), households: r.households, points: r.points }))
    .sort((a, b) => byName(a.community.name, b.community.name) || byName(a.village.name, b.village.name))
}
