import { eq, inArray, or } from 'drizzle-orm'
import type { MatterBoard, MatterDetail, MatterView, MatterWorkList } from '../../../src/core/contracts/matter'
import type { OrgRef } from '../../../src/core/contracts/account'
import { AppError } from '../../../src/core/errors'
import { matterNumbers } from '../../../src/core/matter-numbers'
import { MATTER_STAFF_ROLES } from '../../../src/core/matter-policy'
import type { OrgKind } from '../../../src/core/org'
import { grantsFor, mayActOn } from '../../../src/core/policy'
import type { Db } from '../../store/database'
import { households, matterSeconds, matters, orgs } from '../../store/schema'
import { loadCaller, type Caller } from '../shared/caller'
import { requireVillageReader } from '../notice/access'
import { matterFacts } from './access'
import { matterDetail, matterWorkFor, mattersUnder, publicView, selectMatterViews } from './views'


type Org = { id: string; name: string; kind: OrgKind; path: string }
const BOARD_KINDS: readonly OrgKind[] = ['street', 'village', 'grid', 'micro_grid']

export async function loadOrg(db: Db, id: string): Promise<Org> {
  const [row] = await db.select({ id: orgs.id, name: orgs.name, kind: orgs.kind, path: orgs.path }).from(orgs).where(eq(orgs.id, id))
  if (!row) throw new AppError('NOT_FOUND', '没有找到这个地方')
  return { ...row, kind: row.kind as OrgKind }
}

export const orgRef = (org: Org): OrgRef => ({ id: org.id, name: org.name, kind: org.kind })

/**
 * The board an action without `orgId` means: a villager's micro-grid (or village), a grid leader's
 * micro-grid, a cadre's village, the admin's street.
 */
export async function ownBoardOrg(db: Db, caller: Caller): Promise<Org> {
  if (caller.householdId) {
    const [household] = await db.select().from(households).where(eq(households.id, caller.householdId))
    return loadOrg(db, household.microGridId ?? household.villageId)
  }
  const grant = caller.grants.find((g) => MATTER_STAFF_ROLES.includes(g.role) && BOARD_KINDS.includes(g.org.kind))
  if (!grant) throw new AppError('FORBIDDEN', '连心议站是村民和网格长、村干部用的；您的身份没有对应的村')
  return loadOrg(db, grant.org.id)
}

/** The board of a street is for its admin; a village's (and its grids') for its villagers and staff. */
export async function requireBoardReader(db: Db, caller: Caller, org: Org): Promise<void> {
  if (!BOARD_KINDS.includes(org.kind)) throw new AppError('INVALID_INPUT', '请选择一个村、网格或微网格')
  if (org.kind === 'street') {
    if (!mayActOn(caller.grants, 'viewHouseholds', [org.path])) throw new AppError('FORBIDDEN', '只有街道的管理员能看整个街道的议事')
    return
  }
  await requireVillageReader(db, caller, org.path.split('/')[2])
}

async function boardOrg(db: Db, caller: Caller, orgId: string | undefined): Promise<Org> {
  const org = orgId ? await loadOrg(db, orgId) : await ownBoardOrg(db, caller)
  await requireBoardReader(db, caller, org)
  return org
}

/** The public board (公开栏) of a micro-grid, grid, village or street: every matter, masked, and its numbers. */
export async function matterBoard(db: Db, openid: string, input: { orgId?: string }): Promise<MatterBoard> {
  const caller = await loadCaller(db, openid)
  const org = await boardOrg(db, caller, input.orgId)
  const now = new Date()
  const views = await selectMatterViews(db, mattersUnder(org.path), caller, now)
  const numbers = matterNumbers(views.map(({ row }) => matterFacts(row)), now)
  const village = org.kind === 'street' ? null : await loadOrg(db, org.path.split('/')[2])
  return { org: orgRef(org), village: village && orgRef(village), matters: views.map(publicView), numbers }
}

/** 我的议事: what my household raised, and what it said 我也遇到 to. */
export async function myMatters(db: Db, openid: string): Promise<MatterView[]> {
  const caller = await loadCaller(db, openid)
  if (!caller.householdId) throw new AppError('FORBIDDEN', '绑定了农户的村民才有“我的议事”')
  const seconded = db.select({ id: matterSeconds.matterId }).from(matterSeconds).where(eq(matterSeconds.householdId, caller.householdId))
  const views = await selectMatterViews(db, or(eq(matters.householdId, caller.householdId), inArray(matters.id, seconded)), caller)
  return views.map(publicView)
}

/** One matter: anyone who may read its village's board sees it (masked unless it is theirs or they handle it). */
export async function readMatter(db: Db, openid: string, input: { matterId: number }): Promise<MatterDetail> {
  const caller = await loadCaller(db, openid)
  const [row] = await db.select({ villageId: matters.villageId }).from(matters).where(eq(matters.id, input.matterId))
  if (!row) throw new AppError('NOT_FOUND', '没有找到这件事')
  await requireVillageReader(db, caller, row.villageId)
  return matterDetail(db, input.matterId, caller)
}

/** The work list of a grid leader, cadre or the street's admin: open matters where a step is theirs to take. */
export async function matterWorkList(db: Db, openid: string, input: { orgId?: string }, now = new Date()): Promise<MatterWorkList> {
  const caller = await loadCaller(db, openid)
  const grants = caller.grants.filter((g) => MATTER_STAFF_ROLES.includes(g.role))
  if (grants.length === 0) throw new AppError('FORBIDDEN', '议事待办是网格长、村干部和街道管理员用的')
  const scope = input.orgId ? await loadOrg(db, input.orgId) : await loadOrg(db, grants[0].org.id)
  if (input.orgId && !grantsFor(grants, 'viewHouseholds').some((g) => scope.path.startsWith(g.org.path))) throw new AppError('FORBIDDEN', '这个地方不归您管')
  const views = await selectMatterViews(db, matterWorkFor(caller, scope.path), caller, now)
  return { org: orgRef(scope), matters: views.map((v) => ({ ...publicView(v), mayTake: v.steps })) }
}
