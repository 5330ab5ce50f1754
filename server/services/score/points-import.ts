import { createHash } from 'node:crypto'
import { and, asc, desc, eq, isNull, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { Workbook } from 'exceljs'
import type { OrgRef } from '../../../src/core/contracts/account'
import type { DividendExport } from '../../../src/core/contracts/dividend'
import type { PointsImportConfirmed, PointsImportList, PointsImportPreview, PointsImportStatus, PointsImportView } from '../../../src/core/contracts/score'
import { AppError } from '../../../src/core/errors'
import { localDay } from '../../../src/core/period'
import { asOfProblem, checkPointsImport, importEntries, templateRows, type ImportHousehold, type PointsImportRow } from '../../../src/core/points-import'
import { mayActOn, type Permission } from '../../../src/core/policy'
import type { OrgKind } from '../../../src/core/org'
import type { StaffRole } from '../../../src/core/roles'
import type { Db } from '../../store/database'
import { appendLedgerEntries, type NewEntry } from '../../store/ledger'
import { households, orgs, paperCards, pointsImportHouseholds, pointsImports, roleGrants, staffInvites, users } from '../../store/schema'
import { readRosterTable } from '../account/roster-file'
import { recordAudit } from '../org/audit-trail'
import { loadCaller, type Caller } from '../shared/caller'

type SheetFile = { fileName: string; contentBase64: string }
type Village = { id: string; name: string; path: string }

/** Households written per ledger batch: a batch is one multi-row insert, kept well under PostgreSQL's parameter limit. */
const HOUSEHOLDS_PER_BATCH = 200

/** 下载模板: the village's households by group, with a 合计 row per group for the paper's own totals. */
export async function pointsImportTemplate(db: Db, openid: string, input: { orgId: string }, now = new Date()): Promise<DividendExport> {
  const caller = await loadCaller(db, openid)
  const village = await villageFor(db, caller, input.orgId, 'draftPointsImport')
  const workbook = new Workbook()
  workbook.creator = '善治积分'
  const sheet = workbook.addWorksheet('纸质积分')
  for (const row of templateRows(await villageHouseholds(db, village))) sheet.addRow(row)
  sheet.getRow(1).font = { bold: true }
  sheet.columns.forEach((column) => (column.width = 12))
  return {
    fileName: `${village.name}-纸质积分导入模板-${localDay(now)}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer).toString('base64'),
  }
}

/** 预览: every row checked against the roster, bad rows with their reasons, totals per group beside the paper's. Writes nothing. */
export async function previewPointsImport(
  db: Db,
  openid: string,
  input: { orgId: string; asOf: string; file: SheetFile },
  now = new Date(),
): Promise<PointsImportPreview> {
  const caller = await loadCaller(db, openid)
  const village = await villageFor(db, caller, input.orgId, 'draftPointsImport')
  return checkSheet(db, village, input, now)
}

/**
 * 提交草稿 (the cadre): the very file previewed, with no bad row left, is kept as a draft for a
 * second person to confirm. Nothing reaches the ledger yet.
 */
export async function draftPointsImport(
  db: Db,
  openid: string,
  input: { orgId: string; asOf: string; file: SheetFile; fileSha256: string },
  now = new Date(),
): Promise<PointsImportView> {
  const caller = await loadCaller(db, openid)
  const village = await villageFor(db, caller, input.orgId, 'draftPointsImport')
  const preview = await checkSheet(db, village, input, now)
  if (preview.fileSha256 !== input.fileSha256) throw new AppError('ROSTER_CHANGED', '文件和预览时不一样了，请重新选择文件预览')
  if (preview.problems.length > 0) {
    throw new AppError('INVALID_INPUT', `还有 ${preview.problems.length} 行有问题，请在表格里改好后重新预览`, { file: '表格里还有有问题的行' })
  }
  if (preview.rows.length === 0) throw new AppError('INVALID_INPUT', '表格里没有可以导入的农户', { file: '没有可以导入的农户' })
  const [written] = await db
    .insert(pointsImports)
    .values({
      villageId: village.id,
      asOf: preview.asOf,
      fileName: preview.fileName,
      fileSha256: preview.fileSha256,
      rows: preview.rows,
      totals: preview.totals,
      draftedBy: caller.openid,
      createdAt: now,
    })
    .returning({ id: pointsImports.id })
  await recordAudit(db, {
    actorOpenid: caller.openid,
    action: 'points.importDraft',
    orgId: village.id,
    after: { importId: written.id, fileName: preview.fileName, fileSha256: preview.fileSha256, asOf: preview.asOf, households: preview.rows.length },
  })
  return (await importViews(db, caller, village, eq(pointsImports.id, written.id)))[0]
}

/** The village's drafts and confirmed imports, newest first: for the person who confirms, and the cadre. */
export async function listPointsImports(db: Db, openid: string, input: { orgId: string }): Promise<PointsImportList> {
  const caller = await loadCaller(db, openid)
  const village = await villageFor(db, caller, input.orgId, 'confirmPointsImport', 'draftPointsImport')
  return {
    village: villageRef(village),
    mayDraft: mayActOn(caller.grants, 'draftPointsImport', [village.path]),
    imports: await importViews(db, caller, village, eq(pointsImports.villageId, village.id)),
  }
}

/**
 * 确认导入 (the accountant or another cadre): writes each household's entries (last year's points,
 * the opening balance, this year's points by category) in the action's one transaction, and marks
 * each household imported: a household already imported by another import refuses the whole
 * confirmation. The audit trail keeps both people and the file's fingerprint.
 */
export async function confirmPointsImport(db: Db, openid: string, input: { importId: number }, now = new Date()): Promise<PointsImportConfirmed> {
  const caller = await loadCaller(db, openid)
  const [draft] = await db.select().from(pointsImports).where(eq(pointsImports.id, input.importId)).for('update')
  if (!draft) throw new AppError('NOT_FOUND', '没有找到这份导入草稿')
  const [village] = await db.select({ id: orgs.id, name: orgs.name, path: orgs.path }).from(orgs).where(eq(orgs.id, draft.villageId))
  if (!mayActOn(caller.grants, 'confirmPointsImport', [village.path])) throw new AppError('FORBIDDEN', '只有本村的合作社会计或村干部能确认导入')
  if (draft.status !== 'draft') throw new AppError('ALREADY_DECIDED', '这份导入已经确认过了')
  if (draft.draftedBy === caller.openid) throw new AppError('FORBIDDEN', '导入要由另一个人确认：请合作社会计或另一位村干部确认')
  if (!isSecondPerson(await confirmingIssuers(db, caller, village), draft.draftedBy)) {
    throw new AppError('FORBIDDEN', '您的身份是用起草人发的码开通的，不能算第二个人：请另一位合作社会计或村干部确认')
  }

  const rows = draft.rows as PointsImportRow[]
  const claimed = await db
    .insert(pointsImportHouseholds)
    .values(rows.map((row) => ({ householdId: row.householdId, importId: draft.id, createdAt: now })))
    .onConflictDoNothing()
    .returning({ householdId: pointsImportHouseholds.householdId })
  if (claimed.length < rows.length) {
    const taken = new Set(claimed.map((c) => c.householdId))
    const names = rows.filter((row) => !taken.has(row.householdId)).map((row) => `${row.houseNo} ${row.headName}`)
    throw new AppError('ALREADY_DECIDED', `这些户的纸质积分已经导入过了：${names.slice(0, 5).join('、')}${names.length > 5 ? ' 等' : ''}。请去掉这些户后重新导入`)
  }
  const withCards = rows.filter((row) => row.cardNumber !== null)
  if (withCards.length > 0) {
    const linked = await db
      .insert(paperCards)
      .values(withCards.map((row) => ({ villageId: village.id, cardNumber: row.cardNumber!, householdId: row.householdId, createdAt: now })))
      .onConflictDoNothing()
      .returning({ householdId: paperCards.householdId })
    if (linked.length < withCards.length) throw new AppError('ALREADY_DECIDED', '有的积分卡号已经是本村别的户的了，请重新预览后再导入')
  }

  const byHousehold = [...rows].sort((a, b) => (a.householdId < b.householdId ? -1 : 1))
  let entries = 0
  for (let start = 0; start < byHousehold.length; start += HOUSEHOLDS_PER_BATCH) {
    const batch: NewEntry[] = byHousehold.slice(start, start + HOUSEHOLDS_PER_BATCH).flatMap((row) =>
      importEntries(row, draft.asOf).map((entry) => ({
        householdId: row.householdId,
        points: entry.points,
        kind: entry.kind,
        note: entry.note,
        at: entry.at,
        actorOpenid: draft.draftedBy,
        scorerOrgId: village.id,
      })),
    )
    entries += (await appendLedgerEntries(db, batch)).length
  }
  await db.update(pointsImports).set({ status: 'confirmed', confirmedBy: caller.openid, confirmedAt: now }).where(eq(pointsImports.id, draft.id))
  await recordAudit(db, {
    actorOpenid: caller.openid,
    action: 'points.importConfirm',
    orgId: village.id,
    after: {
      importId: draft.id,
      fileName: draft.fileName,
      fileSha256: draft.fileSha256,
      asOf: draft.asOf,
      draftedBy: draft.draftedBy,
      confirmedBy: caller.openid,
      households: rows.length,
      entries,
    },
  })
  const [view] = await importViews(db, caller, village, eq(pointsImports.id, draft.id))
  return { import: view, households: rows.length, entries }
}

/** 作废草稿 (a cadre of the village): a draft not yet confirmed is set aside; nothing was written, nothing is. */
export async function withdrawPointsImport(db: Db, openid: string, input: { importId: number }): Promise<PointsImportView> {
  const caller = await loadCaller(db, openid)
  const [draft] = await db.select().from(pointsImports).where(eq(pointsImports.id, input.importId)).for('update')
  if (!draft) throw new AppError('NOT_FOUND', '没有找到这份导入草稿')
  const [village] = await db.select({ id: orgs.id, name: orgs.name, path: orgs.path }).from(orgs).where(eq(orgs.id, draft.villageId))
  if (!mayActOn(caller.grants, 'draftPointsImport', [village.path])) throw new AppError('FORBIDDEN', '只有本村的村干部能作废导入草稿')
  if (draft.status !== 'draft') throw new AppError('ALREADY_DECIDED', draft.status === 'confirmed' ? '这份导入已经确认入账，不能作废；有错请用“更正冲销”' : '这份草稿已经作废了')
  await db.update(pointsImports).set({ status: 'withdrawn' }).where(eq(pointsImports.id, draft.id))
  await recordAudit(db, { actorOpenid: caller.openid, action: 'points.importWithdraw', orgId: village.id, after: { importId: draft.id, fileSha256: draft.fileSha256 } })
  return (await importViews(db, caller, village, eq(pointsImports.id, draft.id)))[0]
}

async function checkSheet(db: Db, village: Village, input: { asOf: string; file: SheetFile }, now: Date): Promise<PointsImportPreview> {
  const problem = asOfProblem(input.asOf, now)
  if (problem) throw new AppError('INVALID_INPUT', problem, { asOf: problem })
  const table = await readRosterTable(input.file)
  const taken = await db.select({ cardNumber: paperCards.cardNumber }).from(paperCards).where(eq(paperCards.villageId, village.id))
  const check = checkPointsImport(table, await villageHouseholds(db, village), new Set(taken.map((t) => t.cardNumber)))
  return {
    village: villageRef(village),
    asOf: input.asOf,
    fileName: input.file.fileName,
    fileSha256: createHash('sha256').update(Buffer.from(input.file.contentBase64, 'base64')).digest('hex'),
    ...check,
  }
}

/**
 * Who issued each of the caller's live roles that let them confirm this village's imports (null: a
 * role given without an issuer, as the first administrator's code `npm run setup` prints, or the demo's).
 */
async function confirmingIssuers(db: Db, caller: Caller, village: Village): Promise<(string | null)[]> {
  const grantOrg = alias(orgs, 'grant_org')
  const grants = await db
    .select({ role: roleGrants.role, org: { id: grantOrg.id, name: grantOrg.name, kind: grantOrg.kind, path: grantOrg.path }, issuedBy: staffInvites.issuedBy })
    .from(roleGrants)
    .innerJoin(grantOrg, eq(grantOrg.id, roleGrants.orgId))
    .leftJoin(staffInvites, eq(staffInvites.grantId, roleGrants.id))
    .where(and(eq(roleGrants.openid, caller.openid), isNull(roleGrants.revokedAt)))
  return grants
    .filter(({ role, org }) => mayActOn([{ role: role as StaffRole, org: { ...org, kind: org.kind as OrgKind } }], 'confirmPointsImport', [village.path]))
    .map((grant) => grant.issuedBy)
}

/**
 * Two people, not one with two WeChat accounts: a role bound from a code the drafter issued (he may
 * have bound it himself) does not make its holder the second person; another role may.
 */
function isSecondPerson(confirmingIssuers: readonly (string | null)[], draftedBy: string): boolean {
  return confirmingIssuers.some((issuer) => issuer !== draftedBy)
}

/** A village the caller holds one of the permissions on (a cadre or accountant of it). */
async function villageFor(db: Db, caller: Caller, orgId: string, ...permissions: Permission[]): Promise<Village> {
  const [org] = await db.select().from(orgs).where(eq(orgs.id, orgId))
  if (!org) throw new AppError('NOT_FOUND', '没有找到这个村')
  if (org.kind !== 'village') throw new AppError('INVALID_INPUT', '纸质积分要导入到一个村', { orgId: '请选择一个村' })
  if (!permissions.some((p) => mayActOn(caller.grants, p, [org.path]))) throw new AppError('FORBIDDEN', '只有本村的村干部（确认时也可以是合作社会计）能导入纸质积分')
  return { id: org.id, name: org.name, path: org.path }
}

/** The village's households with their group and the day their paper points were imported, if they were. */
async function villageHouseholds(db: Db, village: Village): Promise<ImportHousehold[]> {
  const group = alias(orgs, 'villager_group')
  const rows = await db
    .select({ id: households.id, houseNo: households.houseNo, headName: households.headName, group: group.name, importedAt: pointsImportHouseholds.createdAt })
    .from(households)
    .leftJoin(group, eq(group.id, households.groupId))
    .leftJoin(pointsImportHouseholds, eq(pointsImportHouseholds.householdId, households.id))
    .where(eq(households.villageId, village.id))
    .orderBy(asc(households.houseNo))
  return rows.map(({ importedAt, ...row }) => ({ ...row, importedOn: importedAt ? localDay(importedAt) : null }))
}

async function importViews(db: Db, caller: Caller, village: Village, where: SQL): Promise<PointsImportView[]> {
  const drafter = alias(users, 'drafter')
  const confirmer = alias(users, 'confirmer')
  const found = await db
    .select({ row: pointsImports, draftedBy: drafter.displayName, confirmedBy: confirmer.displayName })
    .from(pointsImports)
    .innerJoin(drafter, eq(drafter.openid, pointsImports.draftedBy))
    .leftJoin(confirmer, eq(confirmer.openid, pointsImports.confirmedBy))
    .where(where)
    .orderBy(desc(pointsImports.id))
  const issuers = await confirmingIssuers(db, caller, village)
  return found.map(({ row, draftedBy, confirmedBy }) => {
    const rows = row.rows as PointsImportRow[]
    const categories = [...new Set(rows.flatMap((r) => Object.keys(r.thisYear)))] as PointsImportView['categories']
    return {
      id: row.id,
      village: villageRef(village),
      asOf: row.asOf,
      fileName: row.fileName,
      fileSha256: row.fileSha256,
      categories,
      hasLastYear: rows.some((r) => r.lastYear !== 0),
      rows,
      totals: row.totals as PointsImportView['totals'],
      status: row.status as PointsImportStatus,
      draftedBy,
      draftedAt: row.createdAt.toISOString(),
      confirmedBy: confirmedBy ?? null,
      confirmedAt: row.confirmedAt?.toISOString() ?? null,
      mayConfirm: row.status === 'draft' && row.draftedBy !== caller.openid && isSecondPerson(issuers, row.draftedBy),
    }
  })
}

function villageRef(village: Village): OrgRef {
  return { id: village.id, name: village.name, kind: 'village' }
}
