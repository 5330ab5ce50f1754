import { constants, inflateRawSync } from 'node:zlib'
import { AppError } from '../../../src/core/errors'

/** What a roster workbook may unpack to: a 5,000-household sheet is a few MB of XML. */
export const XLSX_MAX_UNPACKED_BYTES = 20 * 1024 * 1024
const MAX_ENTRIES = 500
const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

const TOO_BIG = '这个 .xlsx 文件解开后太大了（超过 20 MB），不像是名册；请只保留名册那一张表，另存为 .xlsx 后再导入'
const BROKEN = '这个 .xlsx 文件打不开，请在 Excel 里重新保存后再导入'

/**
 * Checks an .xlsx (a zip archive) before exceljs opens it, reading only the archive's directory
 * and inflating each part with a ceiling: a few KB that unpack to hundreds of MB (a zip bomb) are
 * refused in milliseconds. A part's declared size is not trusted: it is inflated with at most that
 * many bytes allowed. Worksheet rows are counted in the unpacked XML, so a sheet of millions of
 * empty rows is refused before any cell is read. Returns the largest row count of a worksheet.
 */
export function checkXlsxSize(bytes: Buffer, maxRows: number, tooManyRows: string): number {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  if (end < 0 || end + 22 > bytes.length || bytes.readUInt32LE(end) !== EOCD) throw new AppError('INVALID_INPUT', BROKEN)
  const entries = bytes.readUInt16LE(end + 10)
  let offset = bytes.readUInt32LE(end + 16)
  if (entries > MAX_ENTRIES || entries === 0xffff || offset === 0xffffffff) throw new AppError('INVALID_INPUT', TOO_BIG)
  let unpacked = 0
  let rows = 0
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== CENTRAL) throw new AppError('INVALID_INPUT', BROKEN)
    const method = bytes.readUInt16LE(offset + 10)
    const packedSize = bytes.readUInt32LE(offset + 20)
    const size = bytes.readUInt32LE(offset + 24)
    const nameLength = bytes.readUInt16LE(offset + 28)
    const name = bytes.subarray(offset + 46, offset + 46 + nameLength).toString('utf8')
    const local = bytes.readUInt32LE(offset + 42)
    offset += 46 + nameLength + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32)
    unpacked += size
    if (size === 0xffffffff || unpacked > XLSX_MAX_UNPACKED_BYTES) throw new AppError('INVALID_INPUT', TOO_BIG)
    const part = unpack(bytes, local, method, packedSize, size)
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) rows = Math.max(rows, countRows(part, maxRows + 1))
    if (rows > maxRows) throw new AppError('INVALID_INPUT', tooManyRows)
  }
  return rows
}

/** One part's bytes, never more than its declared size: a part that unpacks to more is refused. */
function unpack(bytes: Buffer, local: number, method: number, packedSize: number, size: number): Buffer {
  if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL) throw new AppError('INVALID_INPUT', BROKEN)
  const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28)
  const packed = bytes.subarray(start, start + packedSize)
  if (method === 0) return packed
  if (method !== 8) throw new AppError('INVALID_INPUT', BROKEN)
  try {
    return inflateRawSync(packed, { maxOutputLength: Math.max(size, 1), finishFlush: constants.Z_SYNC_FLUSH })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new AppError('INVALID_INPUT', TOO_BIG)
    throw new AppError('INVALID_INPUT', BROKEN)
  }
}

const ROW = Buffer.from('row')
const BEFORE = new Set([0x3c, 0x3a]) // '<', or ':' of a namespace prefix
const AFTER = new Set([0x20, 0x09, 0x0a, 0x0d, 0x3e, 0x2f]) // white space, '>', '/'

/** `<row` elements (with or without a namespace prefix) in a worksheet's XML, counted up to `limit`. */
function countRows(xml: Buffer, limit: number): number {
  let rows = 0
  for (let at = xml.indexOf(ROW); at !== -1 && rows < limit; at = xml.indexOf(ROW, at + 3)) {
    if (BEFORE.has(xml[at - 1]) && AFTER.has(xml[at + 3])) rows++
  }
  return rows
}
