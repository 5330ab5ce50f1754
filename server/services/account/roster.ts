import { createHash, randomUUID } from 'node:crypto'
import { and, eq, inArray, ne, sql } from 'drizzle-orm'
import stringify from 'safe-stable-stringify'
import type { HouseholdDetail, OrgRef, RosterImportResult, RosterPreview } from '../../../src/core/contracts/account'
import { AppError } from '../../../src/core/errors'
import { checkRoster, cleanHouseNo, type RosterCheck, type RosterRow, type HouseholdFields } from '../../../src/core/roster/roster-rows'
import type { Db } from '../../store/database'
import { householdById, selectHouseholdViews } from '../../store/household-views'
import { households, orgs } from '../../store/schema'
import { streetCommunities } from '../org/units'
import { loadCaller } from '../shared/caller'
import { readRosterTable } from './roster-file'
import { householdInScope, villageInScope, villageUnits, type Village } from './roster-scope'

type RosterFile = { fileName: string; contentBase64: string }

/**
 * 名册预览: reads the file and checks every row against the village's groups and micro-grids.
 * Writes nothing. Valid rows are marked new or update (matched by 门牌 within the village);
 * bad rows come back with all their reasons. The digest names exactly the valid rows.
 */
export async function previewRoster(db: Db, openid: string, input: { orgId: string; file: RosterFile }): Promise<RosterPreview> {
  const caller = await loadCaller(db, openid)
  const village = await villageInScope(db, caller, input.orgId)
  const { check, units } = await checkFile(db, village, input.file)
  const existing = await existingHouseNos(db, village, check.rows)
  const groupName = new Map(units.groups.map((g) => [g.id, g.name]))
  const microGridName = new Map(units.microGrids.map((g) => [g.id, g.name]))
  const rows = check.rows.map((row) => ({
    line: row.line,
    headName: row.headName,
    houseNo: row.houseNo,
    shares: row.shares,
    group: row.groupId ? (groupName.get(row.groupId) ?? null) : null,
    microGrid: row.microGridId ? (microGridName.get(row.microGridId) ?? null) : null,
    memberNames: row.memberNames,
    change: existing.has(row.houseNo) ? ('update' as const) : ('new' as const),
  }))
  return {
    village: villageRef(village),
    fileName: input.file.fileName,
    rows,
    problems: check.problems,
    newCount: rows.filter((r) => r.change === 'new').length,
    updateCount: rows.filter((r) => r.change === 'update').length,
    digest: rosterDigest(check.rows),
  }
}

/**
 * 导入名册: commits the valid rows the preview showed, in one transaction (the dispatcher's), and
 * skips the bad ones; the cadre fixes those and imports the file again. A household whose 门牌 is
 * already in the village is updated (head, group, micro-grid, shares, members), never duplicated;
 * households missing from the file are left as they are (they have ledgers). Balances are untouched.
 */
export async function importRoster(
  db: Db,
  openid: string,
  input: { orgId: string; file: RosterFile; digest: string },
): Promise<RosterImportResult> {
  const caller = await loadCaller(db, openid)
  const village = await villageInScope(db, caller, input.orgId)
  const { check } = await checkFile(db, village, input.file)
  if (rosterDigest(check.rows) !== input.digest) throw new AppError('ROSTER_CHANGED')
  const existing = await existingHouseNos(db, village, check.rows)
  for (let start = 0; start < check.rows.length; start += 500) {
    const batch = check.rows.slice(start, start + 500)
    await db
      .insert(households)
      .values(
        batch.map((row) => ({
          id: `h-${randomUUID()}`,
          villageId: village.id,
          houseNo: row.houseNo,
          headName: row.headName,
          shares: row.shares,
          groupId: row.groupId,
          microGridId: row.microGridId,
          memberNames: row.memberNames,
        })),
      )
      .onConflictDoUpdate({
        target: [households.villageId, households.houseNo],
        set: {
          headName: sql`excluded.head_name`,
          shares: sql`excluded.shares`,
          groupId: sql`excluded.group_id`,
          microGridId: sql`excluded.micro_grid_id`,
          memberNames: sql`excluded.member_names`,
        },
      })
  }
  const updated = check.rows.filter((row) => existing.has(row.houseNo)).length
  return { village: villageRef(village), created: check.rows.length - updated, updated, skipped: check.problems.length }
}

/** One household as the edit page shows it, with the groups and micro-grids it may be put in. */
export async function householdDetail(db: Db, openid: string, input: { householdId: string }): Promise<HouseholdDetail> {
  const caller = await loadCaller(db, openid)
  const { village } = await householdInScope(db, caller, input.householdId)
  return detailOf(db, village, input.householdId)
}

/** A cadre corrects a household by hand. The 门牌 must stay unique in the village; points are untouched. */
export async function updateHousehold(
  db: Db,
  openid: string,
  input: HouseholdFields & { householdId: string },
): Promise<HouseholdDetail> {
  const caller = await loadCaller(db, openid)
  const { household, village } = await householdInScope(db, caller, input.householdId)
  // A merchant holds no shares (member-kind.ts; the table's check refuses it too).
  if (household.memberKind === 'merchant' && input.shares !== 0) throw new AppError('INVALID_INPUT', '商家不持有股份，股数只能填 0')
  const units = await villageUnits(db, village)
  if (input.groupId && !units.groups.some((g) => g.id === input.groupId)) {
    throw new AppError('INVALID_INPUT', '所选的村民小组不在这个村')
  }
  if (input.microGridId && !units.microGrids.some((g) => g.id === input.microGridId)) {
    throw new AppError('INVALID_INPUT', '所选的微网格不在这个村')
  }
  const houseNo = cleanHouseNo(input.houseNo)
  const [taken] = await db
    .select({ headName: households.headName })
    .from(households)
    .where(and(eq(households.villageId, village.id), eq(households.houseNo, houseNo), ne(households.id, input.householdId)))
  if (taken) throw new AppError('INVALID_INPUT', `门牌“${houseNo}”已经是${taken.headName}家的了`)
  await db
    .update(households)
    .set({
      headName: input.headName,
      houseNo,
      shares: input.shares,
      groupId: input.groupId,
      microGridId: input.microGridId,
      memberNames: input.memberNames,
    })
    .where(eq(households.id, input.householdId))
  return detailOf(db, village, input.householdId)
}

async function checkFile(db: Db, village: Village, file: RosterFile) {
  const table = await readRosterTable(file)
  const units = await villageUnits(db, village)
  const check: RosterCheck = checkRoster(table, units)
  return { check, units }
}

async function existingHouseNos(db: Db, village: Village, rows: RosterRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set()
  const found = await db
    .select({ houseNo: households.houseNo })
    .from(households)
    .where(and(eq(households.villageId, village.id), inArray(households.houseNo, rows.map((r) => r.houseNo))))
  return new Set(found.map((f) => f.houseNo))
}

/** The valid rows' fingerprint: the same file over the same groups gives the same digest. */
function rosterDigest(rows: RosterRow[]): string {
  return createHash('sha256')
    .update(stringify(rows) ?? '')
    .digest('hex')
}

async function detailOf(db: Db, village: Village, householdId: string): Promise<HouseholdDetail> {
  const [view] = await selectHouseholdViews(db, householdById(householdId))
  const [{ memberNames, communityId }] = await db
    .select({ memberNames: households.memberNames, communityId: households.communityId })
    .from(households)
    .where(eq(households.id, householdId))
  const { groups, microGrids } = await villageUnits(db, village)
  const [community] = communityId ? await db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(eq(orgs.id, communityId)) : []
  return {
    household: { ...view, memberNames },
    groups,
    microGrids,
    community: community ? { ...community, kind: 'community' } : null,
    communities: await streetCommunities(db, village),
  }
}

function villageRef(village: Village): OrgRef {
  return { id: village.id, name: village.name, kind: 'village' }
}
