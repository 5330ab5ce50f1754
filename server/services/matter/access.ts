import { and, eq, isNull } from 'drizzle-orm'
import { AppError } from '../../../src/core/errors'
import { nextMatterState, type MatterAction, type MatterAssignee, type MatterRating, type MatterState, type MatterStatus, type MatterStep } from '../../../src/core/matter'
import type { MatterFacts } from '../../../src/core/matter-numbers'
import { matterStandings, mayTakeMatterStep, type MatterPlace, type MatterStanding } from '../../../src/core/matter-policy'
import { pathCovers } from '../../../src/core/org'
import type { StaffRole } from '../../../src/core/roles'
import type { Db } from '../../store/database'
import { matters, matterSteps, orgs, roleGrants, users } from '../../store/schema'
import type { Caller } from '../shared/caller'

export type MatterRow = typeof matters.$inferSelect

export function matterState(row: MatterRow): MatterState {
  return {
    status: row.status as MatterStatus,
    assignee: row.assignee as MatterAssignee | null,
    dueAt: row.dueAt,
    reopened: row.reopened,
    rating: row.rating as MatterRating | null,
  }
}

export function matterFacts(row: MatterRow): MatterFacts {
  return { status: row.status as MatterStatus, dueAt: row.dueAt, raisedAt: row.createdAt, firstFeedbackAt: row.firstFeedbackAt, rating: row.rating as MatterRating | null }
}

/** The matter row, locked for the rest of the transaction: steps on one matter queue up. */
export async function lockMatter(db: Db, matterId: number): Promise<MatterRow> {
  const [row] = await db.select().from(matters).where(eq(matters.id, matterId)).for('update')
  if (!row) throw new AppError('NOT_FOUND', '没有找到这件事')
  return row
}

async function orgPath(db: Db, id: string | null): Promise<string | null> {
  if (id === null) return null
  const [row] = await db.select({ path: orgs.path }).from(orgs).where(eq(orgs.id, id))
  return row?.path ?? null
}

export async function matterPlace(db: Db, row: MatterRow): Promise<MatterPlace> {
  return {
    villagePath: (await orgPath(db, row.villageId))!,
    microGridPath: await orgPath(db, row.microGridId),
    householdId: row.householdId,
    assignee: row.assignee as MatterAssignee | null,
  }
}

export async function standingsOn(db: Db, caller: Caller, row: MatterRow): Promise<MatterStanding[]> {
  return matterStandings(caller.grants, caller.householdId, await matterPlace(db, row))
}

const REFUSALS: Record<MatterStep, string> = {
  accept: '只有本微网格的网格长和本村的村干部可以研判',
  merge: '只有本微网格的网格长和本村的村干部可以研判',
  decline: '只有本微网格的网格长和本村的村干部可以研判',
  assign: '只有本微网格的网格长和本村的村干部可以交办',
  progress: '只有办理这件事的干部可以记录进展',
  extend: '只有本村的村干部（上报街道的由街道）可以延期',
  feedback: '只有本村的村干部（上报街道的由街道）可以反馈结果',
  rate: '只有提出这件事的一户可以评价',
}

/**
 * Checks the caller may take this step (scope and role first, then the state machine) and gives the
 * state after it. A refusal changes nothing.
 */
export async function takeStep(db: Db, caller: Caller, row: MatterRow, action: MatterAction, now: Date) {
  const standings = await standingsOn(db, caller, row)
  if (!mayTakeMatterStep(standings, action.type, row.assignee as MatterAssignee | null)) throw new AppError('FORBIDDEN', REFUSALS[action.type])
  const next = nextMatterState(matterState(row), action, now)
  if (!next.ok) throw new AppError('MATTER_STATE', next.reason)
  return next
}

export async function recordStep(
  db: Db,
  step: { matterId: number; kind: MatterStep | 'raise' | 'reopen'; actorOpenid: string; note?: string; photos?: string[]; details?: Record<string, string | number | null> },
): Promise<void> {
  await db.insert(matterSteps).values({ ...step, note: step.note ?? '', photos: step.photos ?? [], details: step.details ?? {} })
}

/** The live holders of a role on an organisation that covers `path` (the leaders of a micro-grid, the cadres of a village…). */
export async function staffOver(db: Db, role: StaffRole, path: string): Promise<{ openid: string; name: string }[]> {
  const rows = await db
    .select({ openid: roleGrants.openid, name: users.displayName, orgPath: orgs.path })
    .from(roleGrants)
    .innerJoin(orgs, eq(orgs.id, roleGrants.orgId))
    .innerJoin(users, eq(users.openid, roleGrants.openid))
    .where(and(eq(roleGrants.role, role), isNull(roleGrants.revokedAt)))
    .orderBy(roleGrants.id)
  const seen = new Set<string>()
  return rows.filter((r) => pathCovers(r.orgPath, path) && !seen.has(r.openid) && seen.add(r.openid)).map(({ openid, name }) => ({ openid, name }))
}
