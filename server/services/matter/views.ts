import { and, asc, desc, eq, inArray, isNull, lt, ne, notInArray, or, sql, type AnyColumn, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { MatterDetail, MatterStepView, MatterView } from '../../../src/core/contracts/matter'
import { maskName } from '../../../src/core/mask'
import {
  CLOSED_MATTER_STATUSES,
  HANDLING_MATTER_STATUSES,
  MATTER_RATING_LABELS,
  MATTER_STATUS_LABELS,
  MATTER_STEP_LABELS,
  shownMatterStatus,
  type MatterAssignee,
  type MatterRating,
  type MatterStep,
} from '../../../src/core/matter'
import { availableMatterSteps, matterStandings, seesMatterInFull, type MatterStanding } from '../../../src/core/matter-policy'
import { photosSeenBy, type PhotoCheck, type PhotoLooker } from '../../../src/core/photo-check'
import type { StaffRole } from '../../../src/core/roles'
import type { Db } from '../../store/database'
import { households, matterSeconds, matters, matterSteps, orgs, users } from '../../store/schema'
import type { Caller } from '../shared/caller'
import { photoChecksOf } from '../shared/photo-checks'
import { matterState, staffOver, type MatterRow } from './access'

const village = alias(orgs, 'village')
const microGrid = alias(orgs, 'micro_grid')
const group = alias(orgs, 'villager_group')
const raiser = alias(users, 'raiser')
const assigneeUser = alias(users, 'assignee_user')
const actor = alias(users, 'actor')

/** Matters raised anywhere under the organisation with this path (a street, village, grid or micro-grid). */
export function mattersUnder(orgPath: string): SQL {
  return or(sql`starts_with(${village.path}, ${orgPath})`, sql`starts_with(${microGrid.path}, ${orgPath})`)!
}

/** A matter being handled past its due date at `now` (逾期, as shownMatterStatus says). */
export function matterOverdue(now: Date): SQL {
  return and(inArray(matters.status, [...HANDLING_MATTER_STATUSES]), lt(matters.dueAt, now))!
}

/**
 * 议事待办's rows for a viewer under an organisation (its path): the matters where a staff step is the
 * viewer's to take. 研判 (已收集) and 交办 (已受理) are for the leaders of the matter's micro-grid and the
 * cadres of its village; while it is handled (已交办, 办理中) its 办理, 延期 and 反馈 are for them too,
 * and for the street's admins when it was escalated to the street. The state machine says the same
 * matter by matter (availableMatterSteps; waiting.test.ts holds the two together). The one definition
 * of that work: the page lists these rows and 首页 and the clock's digest count them
 * (account/waiting.ts). Its 评价 is the raiser's, on their own page, not staff work. Reads the
 * matter's village and micro-grid as selectRows and countMatters join them.
 */
export function matterWorkFor(viewer: MatterViewer, orgPath: string): SQL {
  const heldOn = (role: StaffRole, column: AnyColumn): SQL => {
    const paths = viewer.grants.filter((g) => g.role === role).map((g) => g.org.path)
    return paths.length > 0 ? or(...paths.map((p) => sql`starts_with(${column}, ${p})`))! : sql`false`
  }
  const placeStaff = or(heldOn('grid_leader', microGrid.path), heldOn('cadre', village.path))
  return and(
    mattersUnder(orgPath),
    or(
      and(inArray(matters.status, ['collected', 'accepted', ...HANDLING_MATTER_STATUSES]), placeStaff),
      and(inArray(matters.status, [...HANDLING_MATTER_STATUSES]), eq(matters.assignee, 'street'), heldOn('admin', village.path)),
    ),
  )!
}

/** One row of aggregates over the matters with their village and micro-grid joined (what mattersUnder and matterWorkFor read). */
export async function countMatters(db: Db, aggregates: Record<string, SQL>, where: SQL | undefined): Promise<Record<string, unknown> | undefined> {
  const [row] = await db
    .select(aggregates)
    .from(matters)
    .innerJoin(village, eq(village.id, matters.villageId))
    .leftJoin(microGrid, eq(microGrid.id, matters.microGridId))
    .where(where)
  return row
}

/** The matter rows under an organisation (for counting). */
export async function matterRowsUnder(db: Db, orgPath: string): Promise<MatterRow[]> {
  const rows = await db
    .select({ matter: matters })
    .from(matters)
    .innerJoin(village, eq(village.id, matters.villageId))
    .leftJoin(microGrid, eq(microGrid.id, matters.microGridId))
    .where(mattersUnder(orgPath))
  return rows.map((r) => r.matter)
}

/** A viewer of matters: who they are, for masking and for what they may do. */
export type MatterViewer = Pick<Caller, 'openid' | 'grants' | 'householdId'>

type ViewRow = Awaited<ReturnType<typeof selectRows>>[number]

function selectRows(db: Db, where: SQL | undefined) {
  return db
    .select({
      matter: matters,
      villageName: village.name,
      villagePath: village.path,
      microGridName: microGrid.name,
      microGridPath: microGrid.path,
      groupName: group.name,
      houseNo: households.houseNo,
      raiserName: raiser.displayName,
      assigneeName: assigneeUser.displayName,
    })
    .from(matters)
    .innerJoin(village, eq(village.id, matters.villageId))
    .leftJoin(microGrid, eq(microGrid.id, matters.microGridId))
    .innerJoin(households, eq(households.id, matters.householdId))
    .leftJoin(group, eq(group.id, households.groupId))
    .innerJoin(raiser, eq(raiser.openid, matters.raisedBy))
    .leftJoin(assigneeUser, eq(assigneeUser.openid, matters.assigneeOpenid))
    .where(where)
    .orderBy(desc(matters.id))
}

function standingsOf(viewer: MatterViewer, row: ViewRow) {
  return matterStandings(viewer.grants, viewer.householdId, {
    villagePath: row.villagePath,
    microGridPath: row.microGridPath,
    householdId: row.matter.householdId,
    assignee: row.matter.assignee as MatterAssignee | null,
  })
}

/** How a viewer stands on a matter's photos: the staff who act on it see them before WeChat's answer. */
function photoLooker(viewer: MatterViewer, standings: readonly MatterStanding[]): PhotoLooker {
  return {
    openid: viewer.openid,
    concerned: standings.includes('raiser'),
    actingStaff: standings.some((s) => s === 'grid_leader' || s === 'cadre'),
    streetAdmin: standings.includes('street_admin'),
  }
}

function toView(
  row: ViewRow,
  viewer: MatterViewer,
  seconds: Map<number, { count: number; mine: boolean }>,
  streetName: string | null,
  now: Date,
  checks: ReadonlyMap<string, PhotoCheck>,
): MatterView {
  const m = row.matter
  const standings = standingsOf(viewer, row)
  const full = seesMatterInFull(standings)
  const seen = photosSeenBy(m.photos, checks, photoLooker(viewer, standings))
  const where = row.groupName ?? row.villageName
  const status = shownMatterStatus(matterState(m), now)
  const rating = m.rating as MatterRating | null
  return {
    id: m.id,
    text: m.text,
    place: m.place,
    photos: seen.photos,
    photosInCheck: seen.photosInCheck,
    photoNote: seen.photoNote,
    status,
    statusLabel: MATTER_STATUS_LABELS[status],
    raiser: full ? `${row.houseNo} ${row.raiserName}` : `${where} ${m.showName ? row.raiserName : maskName(row.raiserName)}`,
    masked: !full && !m.showName,
    mine: viewer.householdId === m.householdId,
    village: { id: m.villageId, name: row.villageName, kind: 'village' },
    microGrid: m.microGridId && row.microGridName ? { id: m.microGridId, name: row.microGridName, kind: 'micro_grid' } : null,
    raisedAt: m.createdAt.toISOString(),
    dueAt: m.dueAt?.toISOString() ?? null,
    assignee: m.assignee as MatterAssignee | null,
    assigneeName: m.assignee === 'street' ? streetName : row.assigneeName,
    reopened: m.reopened > 0,
    rating,
    ratingLabel: rating ? MATTER_RATING_LABELS[rating] : null,
    outcome: m.outcome,
    seconds: seconds.get(m.id)?.count ?? 0,
    secondedByMyHousehold: seconds.get(m.id)?.mine ?? false,
    mergedIntoId: m.mergedIntoId,
  }
}

async function secondsOf(db: Db, ids: number[], householdId: string | null) {
  const result = new Map<number, { count: number; mine: boolean }>()
  if (ids.length === 0) return result
  const rows = await db.select({ matterId: matterSeconds.matterId, householdId: matterSeconds.householdId }).from(matterSeconds).where(inArray(matterSeconds.matterId, ids))
  for (const r of rows) {
    const entry = result.get(r.matterId) ?? { count: 0, mine: false }
    entry.count++
    entry.mine ||= r.householdId === householdId
    result.set(r.matterId, entry)
  }
  return result
}

async function streetNameOf(db: Db, villagePath: string): Promise<string | null> {
  const streetId = villagePath.split('/')[1]
  const [street] = await db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, streetId))
  return street?.name ?? null
}

/** Matters as the viewer may see them, newest first. */
export async function selectMatterViews(db: Db, where: SQL | undefined, viewer: MatterViewer, now = new Date()): Promise<(MatterView & { row: MatterRow; steps: MatterStep[] })[]> {
  const rows = await selectRows(db, where)
  const seconds = await secondsOf(db, rows.map((r) => r.matter.id), viewer.householdId)
  const checks = await photoChecksOf(db, rows.flatMap((r) => r.matter.photos))
  const streets = new Map<string, string | null>()
  const views = []
  for (const row of rows) {
    if (!streets.has(row.villagePath)) streets.set(row.villagePath, await streetNameOf(db, row.villagePath))
    views.push({
      ...toView(row, viewer, seconds, streets.get(row.villagePath)!, now, checks),
      row: row.matter,
      steps: availableMatterSteps(matterState(row.matter), standingsOf(viewer, row), now),
    })
  }
  return views
}

/** Strips what only the service needs. */
export function publicView({ row: _row, steps: _steps, ...view }: MatterView & { row: MatterRow; steps: MatterStep[] }): MatterView {
  return view
}

/** One matter in full: its steps, what the viewer may do now, and what 交办 and 合并 offer. */
export async function matterDetail(db: Db, matterId: number, viewer: MatterViewer, now = new Date()): Promise<MatterDetail> {
  const [found] = await selectMatterViews(db, eq(matters.id, matterId), viewer, now)
  const { row, steps, ...view } = found
  const stepRows = await db
    .select({ step: matterSteps, name: actor.displayName })
    .from(matterSteps)
    .innerJoin(actor, eq(actor.openid, matterSteps.actorOpenid))
    .where(eq(matterSteps.matterId, matterId))
    .orderBy(asc(matterSteps.id))
  const stepChecks = await photoChecksOf(db, stepRows.flatMap(({ step }) => step.photos))
  const looker = photoLooker(viewer, standingsOf(viewer, (await selectRows(db, eq(matters.id, matterId)))[0]))
  const stepViews: MatterStepView[] = stepRows.map(({ step, name }) => {
    const byRaiser = step.kind === 'raise' || step.kind === 'rate' || step.kind === 'reopen'
    return {
      id: step.id,
      kind: step.kind as MatterStepView['kind'],
      label: MATTER_STEP_LABELS[step.kind as MatterStepView['kind']],
      by: byRaiser ? view.raiser : name,
      note: step.note,
      ...photosSeenBy(step.photos, stepChecks, looker),
      at: step.createdAt.toISOString(),
      dueAt: typeof step.details.dueAt === 'string' ? step.details.dueAt : null,
    }
  })
  const staff = steps.some((s) => s !== 'rate')
  const villagePath = (await db.select({ path: orgs.path }).from(orgs).where(eq(orgs.id, row.villageId)))[0].path
  const cadres = staff && steps.includes('assign') ? await staffOver(db, 'cadre', villagePath) : []
  const mergeTargets =
    staff && steps.includes('merge')
      ? await db
          .select({ id: matters.id, text: matters.text })
          .from(matters)
          .where(and(eq(matters.villageId, row.villageId), ne(matters.id, row.id), notInArray(matters.status, [...CLOSED_MATTER_STATUSES]), isNull(matters.mergedIntoId)))
          .orderBy(desc(matters.id))
          .limit(30)
      : []
  const maySecond =
    viewer.householdId !== null &&
    !view.mine &&
    !view.secondedByMyHousehold &&
    !CLOSED_MATTER_STATUSES.includes(row.status as (typeof CLOSED_MATTER_STATUSES)[number]) &&
    (await householdVillage(db, viewer.householdId)) === row.villageId
  return { ...view, steps: stepViews, mayTake: steps, maySecond, cadres, mergeTargets }
}

export async function householdVillage(db: Db, householdId: string): Promise<string | null> {
  const [row] = await db.select({ villageId: households.villageId }).from(households).where(eq(households.id, householdId))
  return row?.villageId ?? null
}
