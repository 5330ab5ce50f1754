import { createHash } from 'node:crypto'
import { and, eq, isNull, sql } from 'drizzle-orm'
import stringify from 'safe-stable-stringify'
import type { TreeImportResult, TreePreview, TreePreviewRow } from '../../../src/core/contracts/org'
import { AppError } from '../../../src/core/errors'
import { childPath } from '../../../src/core/org'
import { mayKeepUnit } from '../../../src/core/org-units'
import { checkTree, type TreeRow } from '../../../src/core/org-tree-rows'
import type { Db } from '../../store/database'
import { orgs } from '../../store/schema'
import { loadCaller } from '../shared/caller'
import { readRosterTable } from '../account/roster-file'
import { recordAudit } from './audit-trail'
import { findOrg, orgRef, type OrgRow } from './org-scope'
import { insertUnit } from './units'

type TreeFile = { fileName: string; contentBase64: string }

/**
 * 组织架构预览: reads a village's units from one .xlsx (or CSV) and checks every row. Writes nothing.
 * A unit already in the village (same kind and name) is matched, never duplicated: a micro-grid
 * that names another grid than now is marked moved. The digest names exactly the valid rows.
 */
export async function previewTree(db: Db, openid: string, input: { orgId: string; file: TreeFile }): Promise<TreePreview> {
  const { village, rows, problems } = await checkedTree(db, openid, input)
  return {
    village: orgRef(village),
    fileName: input.file.fileName,
    rows,
    problems,
    newCount: rows.filter((r) => r.change === 'new').length,
    movedCount: rows.filter((r) => r.change === 'moved').length,
    digest: treeDigest(rows),
  }
}

/** 导入组织架构: creates the new units and moves the moved micro-grids the preview showed, in one transaction. */
export async function importTree(db: Db, openid: string, input: { orgId: string; file: TreeFile; digest: string }): Promise<TreeImportResult> {
  const { village, rows, problems } = await checkedTree(db, openid, input)
  if (treeDigest(rows) !== input.digest) throw new AppError('ROSTER_CHANGED', '组织架构和预览时不一样了，请重新选择文件预览后再导入')
  const grids = new Map((await liveUnits(db, village)).filter((u) => u.kind === 'grid').map((u) => [u.name, u]))
  // Grids first, so the micro-grids of the same file find them.
  const ordered = [...rows.filter((r) => r.kind === 'grid'), ...rows.filter((r) => r.kind !== 'grid')]
  for (const row of ordered.filter((r) => r.change === 'new')) {
    const parent = row.kind === 'micro_grid' ? grids.get(row.grid!)! : village
    const unit = await insertUnit(db, { parent, kind: row.kind, name: row.name })
    if (unit.kind === 'grid') grids.set(unit.name, unit)
  }
  for (const row of rows.filter((r) => r.change === 'moved')) {
    const grid = grids.get(row.grid!)!
    const [unit] = await db
      .select()
      .from(orgs)
      .where(and(eq(orgs.kind, 'micro_grid'), eq(orgs.name, row.name), isNull(orgs.retiredAt), sql`starts_with(${orgs.path}, ${village.path})`))
    await db.update(orgs).set({ parentId: grid.id, path: childPath(grid.path, unit.id) }).where(eq(orgs.id, unit.id))
  }
  const created = rows.filter((r) => r.change === 'new').length
  const moved = rows.filter((r) => r.change === 'moved').length
  if (created + moved > 0) {
    await recordAudit(db, {
      actorOpenid: openid,
      action: 'tree.import',
      orgId: village.id,
      after: { created: rows.filter((r) => r.change === 'new').map((r) => r.name), moved: rows.filter((r) => r.change === 'moved').map((r) => r.name) },
    })
  }
  return { village: orgRef(village), created, moved, unchanged: rows.length - created - moved, skipped: problems.length }
}

async function checkedTree(db: Db, openid: string, input: { orgId: string; file: TreeFile }) {
  const caller = await loadCaller(db, openid)
  const village = await findOrg(db, input.orgId)
  if (village.kind !== 'village' && village.kind !== 'community') throw new AppError('INVALID_INPUT', '组织架构要导入到一个村或社区')
  if (!mayKeepUnit(caller.grants, 'grid', village.path)) throw new AppError('FORBIDDEN', '您只能管理自己村里的单位')
  if (village.retiredAt) throw new AppError('INVALID_INPUT', `“${village.name}”已经撤销了`)
  const table = await readRosterTable(input.file)
  const existing = await liveUnits(db, village)
  const gridName = new Map(existing.filter((u) => u.kind === 'grid').map((u) => [u.id, u.name]))
  const check = checkTree(table, [...gridName.values()])
  const rows: TreePreviewRow[] = check.rows.map((row: TreeRow) => {
    const same = existing.find((u) => u.kind === row.kind && u.name === row.name)
    const change = !same ? 'new' : row.kind === 'micro_grid' && gridName.get(same.parentId ?? '') !== row.grid ? 'moved' : 'same'
    return { ...row, change }
  })
  return { village, rows, problems: check.problems }
}

async function liveUnits(db: Db, village: OrgRow): Promise<OrgRow[]> {
  return db
    .select()
    .from(orgs)
    .where(and(isNull(orgs.retiredAt), sql`starts_with(${orgs.path}, ${village.path})`, sql`${orgs.id} <> ${village.id}`))
}

function treeDigest(rows: TreePreviewRow[]): string {
  return createHash('sha256')
    .update(stringify(rows) ?? '')
    .digest('hex')
}
