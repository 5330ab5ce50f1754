import { AppError } from './errors'
import type { LedgerKind } from './ledger'
import { localDay, shanghaiInstant } from './period'
import { VILLAGE_RULE_CATEGORIES as RULE_CATEGORIES, type RuleCategory } from './rules'
import { cleanCell, cleanHouseNo, splitTable } from './roster/roster-rows'

/**
 * A village that kept 善治积分 on paper moves in: one spreadsheet row per household, keyed by 门牌
 * (or the household code), with its carried-over balance (结转余额: what is left of earlier years,
 * last year's points included), this year's points by rule category up to a stated date, and
 * optionally last year's points (for 善治贷). Rows whose 门牌 says 合计 carry the paper's own totals
 * of a villager group (named in 村民小组) or of the whole village, to compare with. This file turns
 * the table into checked rows and into the ledger entries each row becomes. No files, no database.
 */
export const POINTS_IMPORT_LIMITS = { rows: 5000, points: 100_000 } as const

/** A household's figures on paper. */
export type PaperFigures = {
  /** 结转余额: the balance left from earlier years (last year's points included), already net of spending. */
  balance: number
  /** This year's points so far, by category (a category the sheet has no column for is absent). */
  thisYear: Partial<Record<RuleCategory, number>>
  /** 上年积分: last year's earned points, part of `balance`, shown apart for 善治贷. */
  lastYear: number
}

/** A household of the village as the roster has it, and whether its paper points were already imported. */
export type ImportHousehold = { id: string; houseNo: string; headName: string; group: string | null; importedOn: string | null }

/** A row that can be imported; `line` is its row number in the file (header = 1). */
export type PointsImportRow = PaperFigures & {
  line: number
  householdId: string
  houseNo: string
  headName: string
  group: string | null
  /** The number printed on the household's paper 股东积分卡, if it has one: the shop takes it with the PIN. */
  cardNumber: string | null
}

/** A row that cannot be imported, with every reason in plain Chinese. */
export type PointsImportProblem = { line: number; houseNo: string; headName: string; reasons: string[] }

/** A group's (or the village's: `group` null) totals from the rows, beside the paper's own 合计 row if it has one. */
export type GroupTotals = {
  group: string | null
  households: number
  rows: PaperFigures
  paper: PaperFigures | null
  /** Where the rows' totals differ from the paper's: the columns' names. Empty when they agree or there is no 合计 row. */
  differences: string[]
}

export type PointsImportCheck = {
  /** The rule categories the sheet has a column for, in the rules' order. */
  categories: RuleCategory[]
  hasLastYear: boolean
  rows: PointsImportRow[]
  problems: PointsImportProblem[]
  /** Household rows with every figure left blank (a template row not filled in): not imported, not a problem. */
  unfilled: number
  /** Each group in the rows or the paper's totals, then the whole village. */
  totals: GroupTotals[]
}

type Field = 'houseNo' | 'householdId' | 'headName' | 'group' | 'balance' | 'lastYear' | 'cardNumber'
const HEADER_ALIASES: Record<Field, readonly string[]> = {
  houseNo: ['门牌', '门牌号', '门牌号码'],
  householdId: ['户号', '农户编号', '户编号'],
  headName: ['户主', '户主姓名'],
  group: ['村民小组', '小组', '组'],
  balance: ['结转余额', '上年结余', '期初余额', '结转积分'],
  lastYear: ['上年积分', '去年积分'],
  cardNumber: ['积分卡号', '卡号', '股东积分卡号'],
}
const TOTAL_ROW = ['合计', '小计', '总计']
const LABELS = { balance: '结转余额', lastYear: '上年积分', cardNumber: '积分卡号' } as const

/** The column headers of the template, in order. */
export const TEMPLATE_HEADER: readonly string[] = ['门牌', '户主', '村民小组', LABELS.balance, ...RULE_CATEGORIES, LABELS.lastYear, LABELS.cardNumber]

/** A paper card's number as matched: letters, digits, no spaces or dashes (full-width folded). */
export function cleanPaperCardNumber(value: string): string {
  return cleanCell(value).replace(/[\s-]/g, '').toUpperCase()
}
const PAPER_CARD_NUMBER = /^[0-9A-Z]{3,20}$/

/**
 * The template a cadre fills in: the village's households by group, each group closed by a 合计 row
 * for the paper's own totals, and the last row the village's 合计.
 */
export function templateRows(households: readonly Pick<ImportHousehold, 'houseNo' | 'headName' | 'group'>[]): string[][] {
  const groups = [...new Set(households.map((h) => h.group ?? ''))].sort((a, b) => a.localeCompare(b, 'zh-Hans-CN', { numeric: true }))
  const rows: string[][] = [[...TEMPLATE_HEADER]]
  for (const group of groups) {
    for (const h of households.filter((x) => (x.group ?? '') === group)) rows.push([h.houseNo, h.headName, group])
    if (group) rows.push(['合计', '', group])
  }
  rows.push(['合计', '', ''])
  return rows
}

/** The stated date ("2026-10-31"): a real day of this year (Asia/Shanghai), not after today. Null when fine, else why not. */
export function asOfProblem(asOf: string, now: Date): string | null {
  const day = localDay(shanghaiInstant(asOf))
  if (day !== asOf) return '截至日期不是一个真实的日子'
  const today = localDay(now)
  if (asOf > today) return '截至日期不能晚于今天'
  if (asOf.slice(0, 4) !== today.slice(0, 4)) return `截至日期要在今年（${today.slice(0, 4)} 年）之内`
  return null
}

/**
 * Checks a whole sheet against the village's households. A 门牌 (or a 积分卡号) that appears twice
 * makes all its rows bad; so does a household whose paper points were already imported, or a card
 * number the village already gave another household (`takenCards`). A missing key or 结转余额
 * column, an empty sheet or too many rows refuses the whole file.
 */
export function checkPointsImport(
  table: readonly (readonly string[])[],
  households: readonly ImportHousehold[],
  takenCards: ReadonlySet<string> = new Set(),
): PointsImportCheck {
  const { header, body } = splitTable(table)
  const { columns, categories } = readHeader(header)
  if (body.length === 0) throw new AppError('INVALID_INPUT', '表格里只有表头，没有农户')
  if (body.length > POINTS_IMPORT_LIMITS.rows) throw new AppError('INVALID_INPUT', `一次最多导入 ${POINTS_IMPORT_LIMITS.rows} 户，请分成几个文件`)

  const byHouseNo = new Map(households.map((h) => [h.houseNo, h]))
  const byId = new Map(households.map((h) => [h.id, h]))
  const cell = (cells: readonly string[], field: Field) => (columns[field] === undefined ? '' : cleanCell(cells[columns[field]]))
  const keyOf = (cells: readonly string[]) => (columns.houseNo !== undefined ? cleanHouseNo(cells[columns.houseNo]) : cell(cells, 'householdId'))
  const linesByKey = new Map<string, number[]>()
  const linesByCard = new Map<string, number[]>()
  for (const { cells, line } of body) {
    const key = keyOf(cells)
    if (key && !TOTAL_ROW.includes(key)) linesByKey.set(key, [...(linesByKey.get(key) ?? []), line])
    const card = cleanPaperCardNumber(cell(cells, 'cardNumber'))
    if (card) linesByCard.set(card, [...(linesByCard.get(card) ?? []), line])
  }

  const rows: PointsImportRow[] = []
  const problems: PointsImportProblem[] = []
  const paper = new Map<string | null, PaperFigures>()
  const filledColumns = [columns.balance, columns.lastYear, columns.cardNumber, ...categories.map((c) => columns[c])].filter((c) => c !== undefined)
  let unfilled = 0
  for (const { cells, line } of body) {
    const key = keyOf(cells)
    if (filledColumns.every((c) => cleanCell(cells[c]) === '')) {
      // A template row left blank: a household not imported this time, or a group without the paper's total.
      if (!TOTAL_ROW.includes(key)) unfilled += 1
      continue
    }
    const reasons: string[] = []
    const figures = readFigures(cells, columns, categories, reasons)
    if (TOTAL_ROW.includes(key)) {
      const group = cell(cells, 'group') || null
      if (paper.has(group)) reasons.push(`${group ?? '全村'}的合计行出现了两次`)
      if (reasons.length > 0) problems.push({ line, houseNo: key, headName: '', reasons })
      else paper.set(group, figures!)
      continue
    }
    const headName = cell(cells, 'headName')
    const household = columns.houseNo !== undefined ? byHouseNo.get(key) : byId.get(key)
    if (!key) reasons.push(columns.houseNo !== undefined ? '缺少门牌' : '缺少户号')
    else if (!household) reasons.push(`名册里没有${columns.houseNo !== undefined ? '门牌' : '户号'}“${key.slice(0, 30)}”`)
    const sameKey = linesByKey.get(key) ?? []
    if (sameKey.length > 1) reasons.push(`“${key.slice(0, 30)}”重复（第 ${sameKey.join('、')} 行）`)
    if (household && headName && headName !== household.headName) reasons.push(`户主“${headName.slice(0, 20)}”和名册上的“${household.headName}”对不上`)
    if (household?.importedOn) reasons.push(`这户的纸质积分已经在 ${household.importedOn} 导入过了，不能再导入；有错请用“更正冲销”`)
    if (figures && figures.balance + sum(figures.thisYear) < 0) reasons.push('结转余额加本年积分是负数，请核对')
    const cardNumber = cleanPaperCardNumber(cell(cells, 'cardNumber')) || null
    if (cardNumber && !PAPER_CARD_NUMBER.test(cardNumber)) reasons.push(`积分卡号“${cardNumber.slice(0, 20)}”应为 3 到 20 位数字或字母`)
    else if (cardNumber && (linesByCard.get(cardNumber) ?? []).length > 1) reasons.push(`积分卡号“${cardNumber}”重复（第 ${linesByCard.get(cardNumber)!.join('、')} 行）`)
    else if (cardNumber && takenCards.has(cardNumber)) reasons.push(`积分卡号“${cardNumber}”已经是本村别的户的了`)
    if (reasons.length > 0 || !household || !figures) {
      problems.push({ line, houseNo: key.slice(0, 30), headName: (headName || household?.headName || '').slice(0, 20), reasons })
    } else {
      rows.push({ line, householdId: household.id, houseNo: household.houseNo, headName: household.headName, group: household.group, cardNumber, ...figures })
    }
  }
  return { categories, hasLastYear: columns.lastYear !== undefined, rows, problems, unfilled, totals: groupTotals(rows, paper, categories) }
}

/** The ledger entries one row becomes, in order, dated when the points were earned (Asia/Shanghai days). */
export type ImportEntry = { kind: LedgerKind; points: number; at: Date; note: string }

/**
 * Last year's points as earned on the last day of last year; the rest of the carried-over balance
 * as an opening balance (期初积分) on the stated date; this year's points, one entry per category,
 * as earned on the stated date. Together they move the balance by exactly 结转余额 + this year's points.
 */
export function importEntries(figures: PaperFigures, asOf: string): ImportEntry[] {
  const year = Number(asOf.slice(0, 4))
  const on = shanghaiInstant(asOf)
  const [, month, day] = asOf.split('-').map(Number)
  const entries: ImportEntry[] = []
  if (figures.lastYear !== 0) {
    entries.push({ kind: 'carried', points: figures.lastYear, at: shanghaiInstant(`${year - 1}-12-31`), note: `上年（${year - 1} 年）纸质台账积分` })
  }
  const opening = figures.balance - figures.lastYear
  if (opening !== 0) {
    const split = figures.lastYear !== 0 ? `，其中上年积分 ${figures.lastYear} 分单列` : ''
    entries.push({ kind: 'opening', points: opening, at: on, note: `纸质台账结转余额 ${figures.balance} 分${split}` })
  }
  for (const category of RULE_CATEGORIES) {
    const points = figures.thisYear[category] ?? 0
    if (points !== 0) entries.push({ kind: 'carried', points, at: on, note: `${category}：本年纸质台账积分，截至 ${month} 月 ${day} 日` })
  }
  return entries
}

function readHeader(cells: readonly string[]) {
  const columns: Partial<Record<Field, number>> = {}
  const categoryColumns = new Map<RuleCategory, number>()
  cells.forEach((raw, index) => {
    const text = cleanCell(raw).replace(/\s+/g, '')
    const field = (Object.keys(HEADER_ALIASES) as Field[]).find((f) => HEADER_ALIASES[f].includes(text))
    const category = RULE_CATEGORIES.find((c) => text === c || text === `本年${c}`)
    if (field) {
      if (columns[field] !== undefined) throw new AppError('INVALID_INPUT', `表头里“${text}”这一列出现了两次`)
      columns[field] = index
    } else if (category) {
      if (categoryColumns.has(category)) throw new AppError('INVALID_INPUT', `表头里“${category}”这一列出现了两次`)
      categoryColumns.set(category, index)
    }
  })
  if (columns.houseNo === undefined && columns.householdId === undefined) {
    throw new AppError('INVALID_INPUT', '表格第一行要有“门牌”（或“户号”）这一列，请用下载的模板')
  }
  if (columns.balance === undefined) throw new AppError('INVALID_INPUT', '表格第一行要有“结转余额”这一列，请用下载的模板')
  const categories = RULE_CATEGORIES.filter((c) => categoryColumns.has(c))
  return { columns: { ...columns, ...Object.fromEntries(categories.map((c) => [c, categoryColumns.get(c)!])) } as Partial<Record<Field | RuleCategory, number>>, categories }
}

/** A row's figures, or null with the reasons added. An empty cell is 0. */
function readFigures(
  cells: readonly string[],
  columns: Partial<Record<Field | RuleCategory, number>>,
  categories: readonly RuleCategory[],
  reasons: string[],
): PaperFigures | null {
  const before = reasons.length
  const read = (column: Field | RuleCategory, label: string, mayBeNegative: boolean) => {
    const text = columns[column] === undefined ? '' : cleanCell(cells[columns[column]!]).replace(/,/g, '')
    if (text === '') return 0
    if (!/^[-+]?\d+$/.test(text)) {
      reasons.push(`${label}“${text.slice(0, 10)}”应为整数`)
      return 0
    }
    const value = Number(text)
    if (!mayBeNegative && value < 0) reasons.push(`${label}不能是负数`)
    else if (Math.abs(value) > POINTS_IMPORT_LIMITS.points) reasons.push(`${label} ${text.slice(0, 10)} 太大了，请核对`)
    return value
  }
  const balance = read('balance', LABELS.balance, false)
  const thisYear: Partial<Record<RuleCategory, number>> = {}
  for (const category of categories) thisYear[category] = read(category, category, true)
  const lastYear = read('lastYear', LABELS.lastYear, false)
  return reasons.length > before ? null : { balance, thisYear, lastYear }
}

function sum(byCategory: Partial<Record<RuleCategory, number>>): number {
  return Object.values(byCategory).reduce((a, b) => a + (b ?? 0), 0)
}

function addFigures(into: PaperFigures, add: PaperFigures): void {
  into.balance += add.balance
  into.lastYear += add.lastYear
  for (const [category, points] of Object.entries(add.thisYear) as [RuleCategory, number][]) {
    into.thisYear[category] = (into.thisYear[category] ?? 0) + points
  }
}

function zero(categories: readonly RuleCategory[]): PaperFigures {
  return { balance: 0, thisYear: Object.fromEntries(categories.map((c) => [c, 0])), lastYear: 0 }
}

function groupTotals(rows: readonly PointsImportRow[], paper: ReadonlyMap<string | null, PaperFigures>, categories: readonly RuleCategory[]): GroupTotals[] {
  const groups = [...new Set([...rows.map((r) => r.group ?? '—'), ...[...paper.keys()].filter((g): g is string => g !== null)])]
  groups.sort((a, b) => a.localeCompare(b, 'zh-Hans-CN', { numeric: true }))
  const totalsOf = (group: string | null, members: readonly PointsImportRow[]): GroupTotals => {
    const figures = zero(categories)
    for (const row of members) addFigures(figures, row)
    const own = paper.get(group) ?? null
    const differences = own
      ? [
          ...(own.balance !== figures.balance ? [LABELS.balance] : []),
          ...categories.filter((c) => (own.thisYear[c] ?? 0) !== (figures.thisYear[c] ?? 0)),
          ...(own.lastYear !== figures.lastYear ? [LABELS.lastYear] : []),
        ]
      : []
    return { group, households: members.length, rows: figures, paper: own, differences }
  }
  return [...groups.map((g) => totalsOf(g, rows.filter((r) => (r.group ?? '—') === g))), totalsOf(null, rows)]
}
