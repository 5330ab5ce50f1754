import { randomBytes } from 'node:crypto'
import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { DoorPlateView, HouseholdView, PlateOpening, PlateSheet, StorefrontSign } from '../../../src/core/contracts/account'
import { AppError } from '../../../src/core/errors'
import { maskName } from '../../../src/core/mask'
import { memberKindAt } from '../../../src/core/member-kind'
import type { OrgKind } from '../../../src/core/org'
import { formatPlateCode, newPlateCode, plateStanding, readPlateScan, readSignedPlate, signPlate } from '../../../src/core/plates/plate-code'
import { coveringGrant, mayActOn } from '../../../src/core/policy'
import type { Db } from '../../store/database'
import { householdById, householdPlaces, householdsUnder, selectHouseholdViews } from '../../store/household-views'
import { doorPlates, households, notices, orgs } from '../../store/schema'
import { findCaller, loadCaller, type Caller } from '../shared/caller'
import { readsVillage } from '../notice/access'
import { stillOnBoard } from '../notice/notices'
import { selectNoticeViews } from '../notice/views'
import { storefront, storefrontSigns } from '../merchant/storefront'
import { plateSigner } from './plate-key'
import { householdInScope } from './roster-scope'

/** The units whose plates are printed as one sheet. */
const SHEET_KINDS: readonly string[] = ['village', 'villager_group', 'grid', 'micro_grid', 'alliance']

type PlateRow = typeof doorPlates.$inferSelect

/**
 * 印门牌: the plates of a group's or micro-grid's households (or a grid's, or the village's), one per
 * household in 门牌 order; a household without a plate in use gets one now. Printing again gives the
 * same plates. A cadre of the village (or the street's admin) only: the roster's keepers. An alliance's
 * committee prints its merchants' storefront signs the same way (their "village" is the alliance), each
 * plate with the sign's words (trade name, 业态, stars, red or black list today).
 */
export async function printPlates(db: Db, openid: string, input: { orgId: string }): Promise<PlateSheet> {
  const caller = await loadCaller(db, openid)
  const [unit] = await db.select().from(orgs).where(eq(orgs.id, input.orgId))
  if (!unit) throw new AppError('NOT_FOUND', '没有找到这个村民小组或网格')
  if (!SHEET_KINDS.includes(unit.kind)) throw new AppError('INVALID_INPUT', '门牌按村、村民小组或网格来印')
  if (!mayActOn(caller.grants, 'manageRoster', [unit.path])) throw new AppError('FORBIDDEN', '只有本村的村干部能印本村的门牌')
  const [village] = await db
    .select({ id: orgs.id, name: orgs.name, kind: orgs.kind })
    .from(orgs)
    .where(and(inArray(orgs.kind, ['village', 'alliance']), sql`starts_with(${unit.path}, ${orgs.path})`))
  if (!village) throw new AppError('INVALID_INPUT', '这个网格在社区下面，不属于哪个村：门牌按村、村民小组或村里的网格来印')
  const views = await selectHouseholdViews(db, and(householdsUnder(unit.path, memberKindAt(unit.kind as OrgKind)), eq(households.villageId, village.id)))
  const inUse = await platesInUse(db, views.map((h) => h.id))
  const missing = views.filter((h) => !inUse.has(h.id))
  for (const household of missing) inUse.set(household.id, await issuePlate(db, openid, household))
  const signs = village.kind === 'alliance' ? await storefrontSigns(db, views.map((h) => h.id)) : new Map<string, StorefrontSign>()
  return {
    unit: { id: unit.id, name: unit.name, kind: unit.kind as OrgKind },
    village: { ...village, kind: village.kind as OrgKind },
    plates: views.map((h) => plateView(h, inUse.get(h.id)!, signs.get(h.id))),
    newlyIssued: missing.length,
  }
}

/** 补门牌: a lost or damaged plate is replaced; the old plate's code no longer opens the household. */
export async function reissuePlate(db: Db, openid: string, input: { householdId: string }): Promise<DoorPlateView> {
  const caller = await loadCaller(db, openid)
  await householdInScope(db, caller, input.householdId)
  const [household] = await selectHouseholdViews(db, householdById(input.householdId))
  await db.update(doorPlates).set({ revokedAt: sql`now()` }).where(and(eq(doorPlates.householdId, household.id), isNull(doorPlates.revokedAt)))
  const plate = await issuePlate(db, openid, household)
  return plateView(household, plate, (await storefrontSigns(db, [household.id])).get(household.id))
}

/**
 * A scanned plate, or its typed code, opened as the caller may see it (PlateOpening). Refused when it
 * is not one of our plates (PLATE_INVALID) or was replaced (PLATE_REVOKED). Anyone may open a plate
 * (it hangs on a door), even a WeChat user the village does not know: they see only the public card.
 */
export async function openPlate(db: Db, openid: string, input: { plate: string }): Promise<PlateOpening> {
  const scan = readPlateScan(input.plate)
  const claims = scan?.kind === 'signed' ? readSignedPlate(scan.signed, plateSigner()) : null
  const code = scan?.kind === 'code' ? scan.code : claims?.code
  if (!code) throw new AppError('PLATE_INVALID')
  const [issued] = await db.select().from(doorPlates).where(eq(doorPlates.code, code))
  const standing = plateStanding({ villageId: claims?.villageId ?? null }, issued ?? null)
  if (standing === 'unknown') throw new AppError('PLATE_INVALID')
  if (standing === 'revoked') throw new AppError('PLATE_REVOKED')

  const caller = await findCaller(db, openid)
  const place = (await householdPlaces(db, [issued.householdId])).get(issued.householdId)!
  const [household] = await selectHouseholdViews(db, householdById(issued.householdId))
  // Their own door opens home, even for staff: nobody scores their own household.
  if (caller?.householdId === household.id) return { open: 'home' }
  const scorer = caller && coveringGrant(caller.grants, 'score', place.paths)
  if (scorer) return { open: 'inspect', orgId: scorer.org.id, household }
  // A merchant's plate is its storefront sign: its owner and its customers see what the public sees.
  if (household.village.kind === 'alliance') return { open: 'storefront', storefront: await storefront(db, household.id) }
  const villageReader = caller && (await readsVillage(db, caller, { id: household.village.id, path: place.villagePaths[0] }))
  return publicCard(db, villageReader ? caller : null, household)
}

/** What the village publishes of a household: its plate's words, and for the village's own people its notices on the board. */
async function publicCard(db: Db, reader: Caller | null, household: HouseholdView): Promise<PlateOpening> {
  const onBoard = reader
    ? await selectNoticeViews(db, and(eq(notices.householdId, household.id), await stillOnBoard(db, household.village.id)), reader)
    : null
  return {
    open: 'public',
    houseNo: household.houseNo,
    village: household.village.name,
    group: household.group?.name ?? null,
    label: `${household.group?.name ?? household.village.name} ${maskName(household.name)}`,
    notices: onBoard?.map((n) => ({ rule: n.rule?.title ?? null, problem: n.problem, statusLabel: n.statusLabel, deadline: n.deadline })) ?? null,
  }
}

async function platesInUse(db: Db, householdIds: string[]): Promise<Map<string, PlateRow>> {
  if (householdIds.length === 0) return new Map()
  const rows = await db
    .select()
    .from(doorPlates)
    .where(and(inArray(doorPlates.householdId, householdIds), isNull(doorPlates.revokedAt)))
  return new Map(rows.map((row) => [row.householdId, row]))
}

/**
 * A new plate for a household with none in use. Two cadres printing the same group at once: the second
 * insert meets the first's plate on the one-in-use index, writes nothing, and answers that plate.
 */
async function issuePlate(db: Db, openid: string, household: HouseholdView): Promise<PlateRow> {
  const [row] = await db
    .insert(doorPlates)
    .values({ code: newPlateCode((count) => randomBytes(count)), householdId: household.id, villageId: household.village.id, issuedBy: openid })
    .onConflictDoNothing()
    .returning()
  return row ?? (await platesInUse(db, [household.id])).get(household.id)!
}

/** A plate as printed; a merchant's carries its storefront sign's words. */
function plateView(household: HouseholdView, plate: PlateRow, sign?: StorefrontSign): DoorPlateView {
  return {
    householdId: household.id,
    houseNo: household.houseNo,
    village: household.village.name,
    group: household.group?.name ?? null,
    code: formatPlateCode(plate.code),
    signed: signPlate({ villageId: plate.villageId, code: plate.code }, plateSigner()),
    issuedAt: plate.createdAt.toISOString(),
    storefront: sign ?? null,
  }
}
