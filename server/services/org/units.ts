import { and, asc, count, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm'
import type { OrgRef } from '../../../src/core/contracts/account'
import type { OrgTree, UnitView } from '../../../src/core/contracts/org'
import { byName } from '../../../src/core/by-name'
import { AppError } from '../../../src/core/errors'
import { canHangUnder, childPath, ORG_KIND_LABELS, ORG_KINDS, streetPathOf, type OrgKind } from '../../../src/core/org'
import { mayKeepUnit, nameScopePath, retirementRefusal } from '../../../src/core/org-units'
import type { Db } from '../../store/database'
import { households, notices, orgs, roleGrants, shopVillages, staffInvites } from '../../store/schema'
import { loadCaller, type Caller } from '../shared/caller'
import { householdInScope } from '../account/roster-scope'
import { recordAudit } from './audit-trail'
import { servedVillages } from './shop-villages'
import { findOrg, KEEPER_ROLES, newOrgId, orgOrOwn, orgRef, type OrgRow } from './org-scope'
import { createStarterRuleSet } from './starter-rule-set'

/**
 * 组织架构: the units under an organisation (the caller's own when none is named), with their
 * households, and which kinds the caller may add where. For the admin and the cadres who keep them.
 */
export async function orgTree(db: Db, openid: string, input: { orgId?: string }): Promise<OrgTree> {
  const caller = await loadCaller(db, openid)
  const root = await orgOrOwn(db, caller, input.orgId, { roles: KEEPER_ROLES, refusal: '只有街道管理员和村干部能管理组织架构' })
  if (!ORG_KINDS.some((kind) => mayKeepUnit(caller.grants, kind, root.path))) {
    throw new AppError('FORBIDDEN', '您只能管理自己负责的单位')
  }
  const rows = treeOrder(await db.select().from(orgs).where(sql`starts_with(${orgs.path}, ${root.path})`), root.id)
  const counts = await householdCounts(db, rows.map((r) => r.id))
  const units = rows.map((row) => unitView(row, counts))
  // A grid counts its micro-grids' households, a street its villages' (relocated ones are counted once, at home).
  for (const unit of [...units].reverse()) {
    const parent = units.find((u) => u.id === unit.parentId)
    const adds = parent?.kind === 'grid' || (parent?.kind === 'street' && unit.kind === 'village')
    if (parent && adds && !unit.retired) parent.households += unit.households
  }
  const mayAdd: Record<string, OrgKind[]> = {}
  for (const row of rows.filter((r) => !r.retiredAt)) {
    const kinds = ORG_KINDS.filter((kind) => canHangUnder(kind, row.kind as OrgKind) && mayKeepUnit(caller.grants, kind, row.path))
    if (kinds.length > 0) mayAdd[row.id] = kinds
  }
  const served = await servedVillages(db, rows.filter((r) => r.kind === 'shop').map((r) => r.id))
  return { root: units[0], units, mayAdd, communities: await streetCommunities(db, root), shopVillages: Object.fromEntries(served) }
}

/** 新增单位: a village or community under the street, or a group, grid, micro-grid or shop under a village. */
export async function addUnit(db: Db, openid: string, input: { parentId: string; kind: OrgKind; name: string }): Promise<UnitView> {
  const caller = await loadCaller(db, openid)
  const parent = await findOrg(db, input.parentId)
  requireKeeper(caller, input.kind, parent.path)
  const unit = await insertUnit(db, { parent, kind: input.kind, name: input.name })
  await recordAudit(db, { actorOpenid: openid, action: 'unit.add', orgId: unit.id, after: { kind: unit.kind, name: unit.name, parent: parent.name } })
  return unitView(unit, new Map())
}

/** 改名: the unit keeps its id, its households and its history; only the name changes. */
export async function renameUnit(db: Db, openid: string, input: { unitId: string; name: string }): Promise<UnitView> {
  const caller = await loadCaller(db, openid)
  const unit = await findOrg(db, input.unitId, { lock: true })
  requireKeeper(caller, unit.kind as OrgKind, unit.path)
  if (unit.retiredAt) throw new AppError('INVALID_INPUT', '这个单位已经撤销了，不能改名')
  if (unit.name === input.name) return unitView(unit, await householdCounts(db, [unit.id]))
  const parentPath = unit.path.slice(0, unit.path.length - unit.id.length - 1)
  await requireFreeName(db, unit.kind as OrgKind, parentPath, input.name, unit.id)
  const [renamed] = await db.update(orgs).set({ name: input.name }).where(eq(orgs.id, unit.id)).returning()
  await recordAudit(db, { actorOpenid: openid, action: 'unit.rename', orgId: unit.id, before: { name: unit.name }, after: { name: renamed.name } })
  return unitView(renamed, await householdCounts(db, [unit.id]))
}

/**
 * 撤销单位: a unit nobody needs any more stops taking anything new; its row stays for the records
 * that name it. Refused, with the reason, while it still has households, open notices, live units
 * under it or people working on it.
 */
export async function retireUnit(db: Db, openid: string, input: { unitId: string }): Promise<UnitView> {
  const caller = await loadCaller(db, openid)
  const unit = await findOrg(db, input.unitId, { lock: true })
  requireKeeper(caller, unit.kind as OrgKind, unit.path)
  if (unit.retiredAt) return unitView(unit, new Map())
  const inUnit = or(
    eq(households.villageId, unit.id),
    eq(households.groupId, unit.id),
    eq(households.microGridId, unit.id),
    eq(households.communityId, unit.id),
  )
  const [{ householdCount }] = await db.select({ householdCount: count() }).from(households).where(inUnit)
  const [{ openNotices }] = await db
    .select({ openNotices: count() })
    .from(notices)
    .innerJoin(households, eq(households.id, notices.householdId))
    .where(and(inUnit, inArray(notices.status, ['open', 'proof_submitted'])))
  const [{ liveChildren }] = await db.select({ liveChildren: count() }).from(orgs).where(and(eq(orgs.parentId, unit.id), isNull(orgs.retiredAt)))
  const [{ staff }] = await db.select({ staff: count() }).from(roleGrants).where(and(eq(roleGrants.orgId, unit.id), isNull(roleGrants.revokedAt)))
  const refusal = retirementRefusal({ households: householdCount, openNotices, liveChildren, staff })
  if (refusal) throw new AppError('INVALID_INPUT', refusal)
  const [retired] = await db.update(orgs).set({ retiredAt: sql`now()` }).where(eq(orgs.id, unit.id)).returning()
  // A code not yet used would grant a role on a unit that takes nobody new.
  await db
    .update(staffInvites)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(staffInvites.orgId, unit.id), isNull(staffInvites.usedAt), isNull(staffInvites.revokedAt)))
  await recordAudit(db, { actorOpenid: openid, action: 'unit.retire', orgId: unit.id, before: { name: unit.name, retired: false }, after: { retired: true } })
  return unitView(retired, new Map())
}

/** Version 3.0: the community of the street a relocated household now lives in (null: back home). */
export async function setCommunity(
  db: Db,
  openid: string,
  input: { householdId: string; communityId: string | null },
): Promise<{ householdId: string; community: OrgRef | null }> {
  const caller = await loadCaller(db, openid)
  const { household, village } = await householdInScope(db, caller, input.householdId)
  let community: OrgRow | null = null
  if (input.communityId) {
    community = await findOrg(db, input.communityId)
    const [villageRow] = await db.select({ parentId: orgs.parentId }).from(orgs).where(eq(orgs.id, village.id))
    if (community.kind !== 'community' || community.retiredAt || community.parentId !== villageRow.parentId) {
      throw new AppError('INVALID_INPUT', '只能选本街道在用的社区')
    }
  }
  if (household.communityId !== (community?.id ?? null)) {
    await db.update(households).set({ communityId: community?.id ?? null }).where(eq(households.id, household.id))
    await recordAudit(db, {
      actorOpenid: openid,
      action: 'household.community',
      orgId: village.id,
      before: { household: household.headName, houseNo: household.houseNo, community: household.communityId },
      after: { community: community?.name ?? null },
    })
  }
  return { householdId: household.id, community: community ? orgRef(community) : null }
}

/**
 * Writes a new unit under `parent` (null: a street) after checking the shape of the tree and that
 * its name is free; a shop under a village serves that village; a village or community gets its
 * own rule set with the starter rules. Checks no role: callers do.
 */
export async function insertUnit(db: Db, unit: { parent: OrgRow | null; kind: OrgKind; name: string }): Promise<OrgRow> {
  const { parent, kind, name } = unit
  if (!canHangUnder(kind, (parent?.kind as OrgKind | undefined) ?? null)) {
    throw new AppError('INVALID_INPUT', `${ORG_KIND_LABELS[kind]}不能建在${parent ? ORG_KIND_LABELS[parent.kind as OrgKind] : '最上层'}下面`)
  }
  if (parent?.retiredAt) throw new AppError('INVALID_INPUT', `“${parent.name}”已经撤销了，不能在下面新增`)
  await requireFreeName(db, kind, parent?.path ?? '/', name)
  const id = newOrgId(kind)
  const [row] = await db
    .insert(orgs)
    .values({ id, kind, name, parentId: parent?.id ?? null, path: childPath(parent?.path ?? null, id) })
    .returning()
  if (kind === 'shop' && parent?.kind === 'village') await db.insert(shopVillages).values({ shopId: id, villageId: parent.id })
  if (kind === 'village' || kind === 'community' || kind === 'alliance') await createStarterRuleSet(db, row)
  return row
}

/** Refuses a name a live unit of the same kind already has where names must be unique. */
async function requireFreeName(db: Db, kind: OrgKind, parentPath: string, name: string, exceptId?: string): Promise<void> {
  const scope = nameScopePath(kind, parentPath)
  // Two keepers adding the same name at once: the second waits and then sees the first.
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`unit-names:${scope}`}))`)
  const [taken] = await db
    .select({ id: orgs.id })
    .from(orgs)
    .where(
      and(
        eq(orgs.kind, kind),
        eq(orgs.name, name),
        isNull(orgs.retiredAt),
        sql`starts_with(${orgs.path}, ${scope})`,
        exceptId ? ne(orgs.id, exceptId) : undefined,
      ),
    )
  if (taken) throw new AppError('INVALID_INPUT', `已经有叫“${name}”的${ORG_KIND_LABELS[kind]}了`)
}

function requireKeeper(caller: Caller, kind: OrgKind, path: string): void {
  if (!mayKeepUnit(caller.grants, kind, path)) {
    throw new AppError('FORBIDDEN', kind === 'village' || kind === 'community' || kind === 'alliance' ? '只有街道管理员能管理村、社区和商家联盟' : '您只能管理自己村里的单位')
  }
}

/** Households sitting directly in each unit (as village, group, micro-grid or residence community). */
async function householdCounts(db: Db, unitIds: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  if (unitIds.length === 0) return counts
  for (const column of [households.villageId, households.groupId, households.microGridId, households.communityId]) {
    const rows = await db.select({ id: column, n: count() }).from(households).where(inArray(column, unitIds)).groupBy(column)
    for (const row of rows) if (row.id) counts.set(row.id, (counts.get(row.id) ?? 0) + row.n)
  }
  return counts
}

/** The live communities of the street an organisation belongs to (where a relocated household may live). */
export async function streetCommunities(db: Db, root: { path: string }): Promise<OrgRef[]> {
  const rows = await db
    .select()
    .from(orgs)
    .where(and(eq(orgs.kind, 'community'), isNull(orgs.retiredAt), sql`starts_with(${orgs.path}, ${streetPathOf(root.path)})`))
    .orderBy(asc(orgs.name))
  return rows.map(orgRef)
}

/** Parents before their children; siblings by kind (groups, grids, micro-grids, shops) and then by name. */
function treeOrder(rows: OrgRow[], rootId: string): OrgRow[] {
  const kindRank = (row: OrgRow) => ORG_KINDS.indexOf(row.kind as OrgKind)
  const children = (parentId: string) =>
    rows
      .filter((r) => r.parentId === parentId)
      .sort((a, b) => kindRank(a) - kindRank(b) || byName(a.name, b.name))
  const ordered: OrgRow[] = []
  const visit = (row: OrgRow) => {
    ordered.push(row)
    children(row.id).forEach(visit)
  }
  const root = rows.find((r) => r.id === rootId)
  if (root) visit(root)
  return ordered
}

function unitView(row: OrgRow, counts: Map<string, number>): UnitView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as OrgKind,
    parentId: row.parentId,
    retired: row.retiredAt !== null,
    households: counts.get(row.id) ?? 0,
  }
}
