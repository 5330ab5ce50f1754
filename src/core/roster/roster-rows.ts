import { AppError } from '../errors'

/**
 * The village roster (户籍名册) as a cadre keeps it in a spreadsheet: one row per household with
 * 户主, 村民小组/网格, 门牌, 股数 and 成员. This file turns the table's text cells into households or
 * into the reasons a row cannot be imported. It knows nothing of files or the database.
 */
export const ROSTER_LIMITS = {
  rows: 5000,
  headName: 20,
  houseNo: 30,
  memberName: 20,
  members: 30,
  shares: 1000,
} as const

type Field = 'headName' | 'houseNo' | 'shares' | 'group' | 'microGrid' | 'unit' | 'members'

/** Header texts a cadre may use for each field (compared without spaces). */
const HEADER_ALIASES: Record<Field, readonly string[]> = {
  headName: ['户主', '户主姓名', '户主名'],
  houseNo: ['门牌', '门牌号', '门牌号码'],
  shares: ['股数', '股份数', '基本股', '股权'],
  group: ['村民小组', '小组', '组'],
  microGrid: ['微网格', '网格'],
  unit: ['村民小组/网格', '小组/网格', '村民小组/微网格', '组/网格'],
  members: ['成员', '家庭成员', '成员姓名'],
}
const REQUIRED: readonly Field[] = ['headName', 'houseNo', 'shares']
const FIELD_LABELS: Record<Field, string> = {
  headName: '户主',
  houseNo: '门牌',
  shares: '股数',
  group: '村民小组',
  microGrid: '微网格',
  unit: '村民小组/网格',
  members: '成员',
}

/** The village's groups and micro-grids, by which the roster's names are resolved. */
export type RosterUnits = {
  groups: readonly { id: string; name: string }[]
  microGrids: readonly { id: string; name: string }[]
}

/** What the roster says of a household: imported from a file or edited by hand. */
export type HouseholdFields = {
  headName: string
  houseNo: string
  shares: number
  groupId: string | null
  microGridId: string | null
  memberNames: string[]
}

/** A household row that can be imported; `line` is its row number in the file (header = 1). */
export type RosterRow = HouseholdFields & { line: number }

/** A row that cannot be imported, with every reason in plain Chinese. */
export type RosterProblem = { line: number; headName: string; houseNo: string; reasons: string[] }

export type RosterCheck = { rows: RosterRow[]; problems: RosterProblem[] }

/** A cell as compared and stored: full-width forms folded (ＡＢ１ → AB1), spaces trimmed. */
export function cleanCell(value: string | undefined): string {
  return (value ?? '').normalize('NFKC').trim()
}

/** 门牌 as matched: also without inner spaces, so "1组 01号" and "1组01号" are one house. */
export function cleanHouseNo(value: string | undefined): string {
  return cleanCell(value).replace(/\s+/g, '')
}

/** 成员 names, separated by 、 , ， ; ； or spaces. */
export function splitMemberNames(value: string | undefined): string[] {
  return cleanCell(value)
    .split(/[、,，;；\s]+/)
    .filter((name) => name.length > 0)
}

/**
 * Checks a whole roster table: the first non-empty row is the header, every other non-empty row
 * a household. A 门牌 that appears twice makes all its rows bad (which one is right is the
 * cadre's call). A missing column or an empty or oversized table refuses the whole file.
 */
export function checkRoster(table: readonly (readonly string[])[], units: RosterUnits): RosterCheck {
  const { header, body } = splitTable(table)
  const columns = readHeader(header)
  if (body.length === 0) throw new AppError('INVALID_INPUT', '表格里只有表头，没有农户')
  if (body.length > ROSTER_LIMITS.rows) {
    throw new AppError('INVALID_INPUT', `一次最多导入 ${ROSTER_LIMITS.rows} 户，请把名册分成几个文件`)
  }

  const linesByHouseNo = new Map<string, number[]>()
  for (const { cells, line } of body) {
    const houseNo = cleanHouseNo(cells[columns.houseNo])
    if (houseNo) linesByHouseNo.set(houseNo, [...(linesByHouseNo.get(houseNo) ?? []), line])
  }

  const rows: RosterRow[] = []
  const problems: RosterProblem[] = []
  for (const { cells, line } of body) {
    const cell = (field: Field) => (columns[field] === undefined ? '' : cleanCell(cells[columns[field]]))
    const reasons: string[] = []
    const headName = cell('headName')
    const houseNo = cleanHouseNo(cells[columns.houseNo])
    if (!headName) reasons.push('缺少户主姓名')
    else if ([...headName].length > ROSTER_LIMITS.headName) reasons.push(`户主姓名超过 ${ROSTER_LIMITS.headName} 个字`)
    if (!houseNo) reasons.push('缺少门牌')
    else if ([...houseNo].length > ROSTER_LIMITS.houseNo) reasons.push(`门牌超过 ${ROSTER_LIMITS.houseNo} 个字`)
    const sameHouse = linesByHouseNo.get(houseNo) ?? []
    if (sameHouse.length > 1) {
      reasons.push(`门牌“${houseNo}”重复（第 ${sameHouse.join('、')} 行）`)
    }
    const shares = readShares(cell('shares'), reasons)
    const placement = place(cell('group'), cell('microGrid'), cell('unit'), units, reasons)
    const memberNames = splitMemberNames(cell('members'))
    if (memberNames.length > ROSTER_LIMITS.members) reasons.push(`成员超过 ${ROSTER_LIMITS.members} 人`)
    for (const name of memberNames.filter((n) => [...n].length > ROSTER_LIMITS.memberName)) {
      reasons.push(`成员姓名“${name.slice(0, ROSTER_LIMITS.memberName)}…”超过 ${ROSTER_LIMITS.memberName} 个字`)
    }

    if (reasons.length > 0 || shares === null) {
      problems.push({ line, headName: headName.slice(0, ROSTER_LIMITS.headName), houseNo: houseNo.slice(0, ROSTER_LIMITS.houseNo), reasons })
    } else {
      rows.push({ line, headName, houseNo, shares, ...placement, memberNames })
    }
  }
  return { rows, problems }
}

/**
 * A spreadsheet's header (its first non-empty row) and its other non-empty rows, each with its row
 * number in the file (the first row is 1). An empty table is refused.
 */
export function splitTable(table: readonly (readonly string[])[]): { header: readonly string[]; body: { cells: readonly string[]; line: number }[] } {
  const headerIndex = table.findIndex((row) => !isBlank(row))
  if (headerIndex < 0) throw new AppError('INVALID_INPUT', '表格是空的，请检查文件')
  const body = table
    .map((cells, index) => ({ cells, line: index + 1 }))
    .slice(headerIndex + 1)
    .filter(({ cells }) => !isBlank(cells))
  return { header: table[headerIndex], body }
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cleanCell(cell) === '')
}

/** Which column holds which field; refuses a header without 户主, 门牌 or 股数, or with a field twice. */
function readHeader(cells: readonly string[]): Partial<Record<Field, number>> & Record<'headName' | 'houseNo' | 'shares', number> {
  const columns: Partial<Record<Field, number>> = {}
  cells.forEach((cell, index) => {
    const text = cleanCell(cell).replace(/\s+/g, '')
    const field = (Object.keys(HEADER_ALIASES) as Field[]).find((f) => HEADER_ALIASES[f].includes(text))
    if (!field) return
    if (columns[field] !== undefined) throw new AppError('INVALID_INPUT', `表头里“${FIELD_LABELS[field]}”这一列出现了两次`)
    columns[field] = index
  })
  const missing = REQUIRED.filter((field) => columns[field] === undefined)
  if (missing.length > 0) {
    throw new AppError(
      'INVALID_INPUT',
      `表格第一行要有“户主”“门牌”“股数”这几列，现在缺少：${missing.map((f) => FIELD_LABELS[f]).join('、')}`,
    )
  }
  return columns as Partial<Record<Field, number>> & Record<'headName' | 'houseNo' | 'shares', number>
}

/** 股数: a whole number from 0 up to the limit; null (with a reason) otherwise. */
function readShares(text: string, reasons: string[]): number | null {
  if (!text) {
    reasons.push('缺少股数')
    return null
  }
  if (!/^\d+$/.test(text)) {
    reasons.push(`股数“${text.slice(0, 10)}”应为 0 或正整数`)
    return null
  }
  const shares = Number(text)
  if (shares > ROSTER_LIMITS.shares) {
    reasons.push(`股数 ${text.slice(0, 10)} 太大（最多 ${ROSTER_LIMITS.shares}）`)
    return null
  }
  return shares
}

/**
 * The household's villager group and micro-grid, by name. The combined "村民小组/网格" column may
 * name either; an empty cell leaves the household without one.
 */
function place(
  groupName: string,
  microGridName: string,
  unitName: string,
  units: RosterUnits,
  reasons: string[],
): { groupId: string | null; microGridId: string | null } {
  const byName = (list: RosterUnits['groups'], name: string) => list.find((u) => u.name === name)?.id ?? null
  let groupId = groupName ? byName(units.groups, groupName) : null
  let microGridId = microGridName ? byName(units.microGrids, microGridName) : null
  if (groupName && !groupId) reasons.push(`没有叫“${groupName.slice(0, 20)}”的村民小组`)
  if (microGridName && !microGridId) reasons.push(`没有叫“${microGridName.slice(0, 20)}”的微网格`)
  if (unitName) {
    const unitGroup = byName(units.groups, unitName)
    const unitMicroGrid = byName(units.microGrids, unitName)
    if (!unitGroup && !unitMicroGrid) reasons.push(`没有叫“${unitName.slice(0, 20)}”的村民小组或微网格`)
    groupId = groupId ?? unitGroup
    microGridId = microGridId ?? unitMicroGrid
  }
  return { groupId, microGridId }
}
