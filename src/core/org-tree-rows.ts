import { AppError } from './errors'
import type { OrgKind } from './org'
import { UNIT_NAME_MAX } from './org-units'
import { cleanCell, splitTable } from './roster/roster-rows'

/**
 * A village's organisation tree as a cadre keeps it in a spreadsheet: one row per unit with 类型
 * (村民小组, 网格, 微网格 or 积分超市), 名称 and, for a micro-grid, 所属网格. This file turns the
 * table's text cells into units or into the reasons a row cannot be imported.
 */
export type TreeUnitKind = Extract<OrgKind, 'villager_group' | 'grid' | 'micro_grid' | 'shop'>

export const TREE_ROWS_MAX = 500

const KIND_ALIASES: Record<string, TreeUnitKind> = {
  村民小组: 'villager_group',
  小组: 'villager_group',
  组: 'villager_group',
  网格: 'grid',
  微网格: 'micro_grid',
  积分超市: 'shop',
  超市: 'shop',
}
const HEADERS = { kind: ['类型', '单位类型'], name: ['名称', '单位名称'], grid: ['所属网格', '网格'] } as const

/** A unit row that can be imported; `line` is its row number in the file (header = 1). */
export type TreeRow = { line: number; kind: TreeUnitKind; name: string; grid: string | null }
export type TreeProblem = { line: number; name: string; reasons: string[] }
export type TreeCheck = { rows: TreeRow[]; problems: TreeProblem[] }

/**
 * Checks a whole tree table. A micro-grid names its grid, which must be in the file or already in
 * the village (`existingGrids`). A name appears once per kind (the roster finds groups and
 * micro-grids by name), so a repeated one makes all its rows bad.
 */
export function checkTree(table: readonly (readonly string[])[], existingGrids: readonly string[]): TreeCheck {
  const { header, body } = splitTable(table)
  const columns = readHeader(header)
  if (body.length === 0) throw new AppError('INVALID_INPUT', '表格里只有表头，没有单位')
  if (body.length > TREE_ROWS_MAX) throw new AppError('INVALID_INPUT', `一次最多导入 ${TREE_ROWS_MAX} 个单位`)

  const read = body.map(({ cells, line }) => ({
    line,
    kindText: cleanCell(cells[columns.kind]),
    name: cleanCell(cells[columns.name]),
    grid: columns.grid === undefined ? '' : cleanCell(cells[columns.grid]),
  }))
  const linesByKey = new Map<string, number[]>()
  for (const row of read) {
    const kind = KIND_ALIASES[row.kindText]
    if (kind && row.name) linesByKey.set(`${kind}:${row.name}`, [...(linesByKey.get(`${kind}:${row.name}`) ?? []), row.line])
  }
  const grids = new Set([...existingGrids, ...read.filter((r) => KIND_ALIASES[r.kindText] === 'grid').map((r) => r.name)])

  const rows: TreeRow[] = []
  const problems: TreeProblem[] = []
  for (const row of read) {
    const reasons: string[] = []
    const kind = KIND_ALIASES[row.kindText]
    if (!row.kindText) reasons.push('缺少类型')
    else if (!kind) reasons.push(`类型“${row.kindText.slice(0, 10)}”不对，应为 村民小组、网格、微网格 或 积分超市`)
    if (!row.name) reasons.push('缺少名称')
    else if ([...row.name].length > UNIT_NAME_MAX) reasons.push(`名称超过 ${UNIT_NAME_MAX} 个字`)
    const same = kind ? (linesByKey.get(`${kind}:${row.name}`) ?? []) : []
    if (same.length > 1) reasons.push(`名称“${row.name}”重复（第 ${same.join('、')} 行）`)
    if (kind === 'micro_grid' && !row.grid) reasons.push('微网格要填所属网格')
    else if (kind === 'micro_grid' && !grids.has(row.grid)) reasons.push(`没有叫“${row.grid.slice(0, 20)}”的网格`)
    else if (kind && kind !== 'micro_grid' && row.grid) reasons.push('只有微网格要填所属网格')
    if (reasons.length > 0 || !kind) problems.push({ line: row.line, name: row.name.slice(0, UNIT_NAME_MAX), reasons })
    else rows.push({ line: row.line, kind, name: row.name, grid: kind === 'micro_grid' ? row.grid : null })
  }
  return { rows, problems }
}

function readHeader(cells: readonly string[]): { kind: number; name: number; grid?: number } {
  const find = (names: readonly string[]) => {
    const index = cells.findIndex((cell) => names.includes(cleanCell(cell).replace(/\s+/g, '')))
    return index < 0 ? undefined : index
  }
  const kind = find(HEADERS.kind)
  const name = find(HEADERS.name)
  if (kind === undefined || name === undefined) {
    throw new AppError('INVALID_INPUT', '表格第一行要有“类型”“名称”两列（微网格另填“所属网格”）')
  }
  return { kind, name, grid: find(HEADERS.grid) }
}
