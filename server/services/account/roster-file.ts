import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { ROSTER_FILE_MAX_BYTES } from '../../../src/core/contracts/account'
import { AppError } from '../../../src/core/errors'
import { ROSTER_LIMITS } from '../../../src/core/roster/roster-rows'
import { checkXlsxSize } from './xlsx-size'

/** More rows than this in a sheet is refused before any cell is read (header + households + slack). */
const MAX_SHEET_ROWS = ROSTER_LIMITS.rows + 200
const MAX_COLUMNS = 30
const TOO_MANY_ROWS = `一次最多导入 ${ROSTER_LIMITS.rows} 户，请把名册分成几个文件`

/**
 * A roster file (base64, as the client sends it) as a table of text cells, row by row, so the
 * core can check it. .xlsx: the first worksheet through exceljs. CSV: UTF-8, or GB18030 as
 * Excel on a Chinese Windows saves it.
 */
export async function readRosterTable(file: { fileName: string; contentBase64: string }): Promise<string[][]> {
  const bytes = Buffer.from(file.contentBase64, 'base64')
  if (bytes.length === 0) throw new AppError('INVALID_INPUT', '文件是空的')
  if (bytes.length > ROSTER_FILE_MAX_BYTES) throw new AppError('INVALID_INPUT', '文件不能超过 2 MB')
  return /\.xlsx$/i.test(file.fileName) ? readXlsx(bytes) : readCsv(bytes)
}

async function readXlsx(bytes: Buffer): Promise<string[][]> {
  // Every .xlsx is a zip archive: anything else (an old .xls renamed, a CSV) is refused plainly.
  if (bytes.subarray(0, 4).toString('binary') !== 'PK\x03\x04') {
    throw new AppError('INVALID_INPUT', '这不是 .xlsx 文件，请在 Excel 里“另存为 .xlsx”后再导入')
  }
  // Its unpacked size and row count first, from the archive itself: exceljs would unpack it all.
  checkXlsxSize(bytes, MAX_SHEET_ROWS, TOO_MANY_ROWS)
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    throw new AppError('INVALID_INPUT', '这个 .xlsx 文件打不开，请在 Excel 里重新保存后再导入')
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) throw new AppError('INVALID_INPUT', '表格里没有工作表')
  if (sheet.rowCount > MAX_SHEET_ROWS) throw new AppError('INVALID_INPUT', TOO_MANY_ROWS)
  const columns = Math.min(sheet.columnCount, MAX_COLUMNS)
  const table: string[][] = []
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r)
    const cells: string[] = []
    for (let c = 1; c <= columns; c++) cells.push(cellText(row.getCell(c)))
    table.push(cells)
  }
  return table
}

/** A cell as the cadre sees it in Excel: numbers, rich text, hyperlinks and formula results as text. */
function cellText(cell: ExcelJS.Cell): string {
  try {
    return cell.text ?? ''
  } catch {
    return ''
  }
}

function readCsv(bytes: Buffer): string[][] {
  const text = decodeText(bytes)
  let records: string[][]
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false, delimiter: [',', '\t'] })
  } catch {
    throw new AppError('INVALID_INPUT', 'CSV 文件格式不对（可能有没配对的引号），请在 Excel 里重新保存后再导入')
  }
  if (records.length > MAX_SHEET_ROWS) throw new AppError('INVALID_INPUT', TOO_MANY_ROWS)
  return records.map((record) => record.slice(0, MAX_COLUMNS))
}

function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}
