import { crc32, deflateRawSync } from 'node:zlib'
import ExcelJS from 'exceljs'
import type { Envelope } from '../../../src/core/contracts/envelope'
import { accountFunction } from '../../functions/account'
import { localPlatform } from '../../platform/local/platform'
import type { Database } from '../../store/database'
import { openDemoTestDatabase } from '../../test-support/test-database'

/**
 * Issue 22: a small request holding a huge sheet (a zip bomb) kept the server busy for seconds and
 * hundreds of MB. It is refused from the archive's directory and a capped unpacking, before exceljs.
 */
let database: Database
beforeAll(async () => {
  database = await openDemoTestDatabase()
})
afterAll(() => database.close())

const preview = (file: { fileName: string; contentBase64: string }) =>
  accountFunction.invoke({ db: database.db, openid: 'demo-cadre', event: { action: 'rosterPreview', orgId: 'v-zjq', file }, platform: localPlatform }) as Promise<Envelope<unknown>>

type Part = { name: string; data: Buffer; declaredSize?: number }

/** A zip archive written by hand, so a part may claim any size it likes. */
function zip(parts: Part[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const part of parts) {
    const name = Buffer.from(part.name)
    const packed = deflateRawSync(part.data, { level: 9 })
    const size = part.declaredSize ?? part.data.length
    const crc = crc32(part.data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(packed.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(packed.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, packed)
    centrals.push(central, name)
    offset += local.length + name.length + packed.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(parts.length, 8)
  end.writeUInt16LE(parts.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

/** A real workbook's parts with its first sheet replaced by `sheet`. */
async function workbookWith(sheet: Buffer, declaredSize?: number): Promise<{ fileName: string; contentBase64: string }> {
  const workbook = new ExcelJS.Workbook()
  workbook.addWorksheet('名册').addRow(['户主', '门牌', '股数'])
  const JSZip = (await import('jszip')).default
  const original = await JSZip.loadAsync(Buffer.from(await workbook.xlsx.writeBuffer()))
  const parts: Part[] = []
  for (const [name, entry] of Object.entries(original.files)) {
    if (entry.dir) continue
    const data = name === 'xl/worksheets/sheet1.xml' ? sheet : await entry.async('nodebuffer')
    parts.push({ name, data, declaredSize: name === 'xl/worksheets/sheet1.xml' ? declaredSize : undefined })
  }
  const bytes = zip(parts)
  expect(bytes.length).toBeLessThan(2 * 1024 * 1024)
  return { fileName: '名册.xlsx', contentBase64: bytes.toString('base64') }
}

function sheetOfRows(count: number): Buffer {
  const head = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
  return Buffer.concat([Buffer.from(head), Buffer.from('<row r="1"/>'.repeat(count)), Buffer.from('</sheetData></worksheet>')])
}

async function refusedFast(file: { fileName: string; contentBase64: string }, words: string) {
  const heap = process.memoryUsage().rss
  const started = performance.now()
  const answer = await preview(file)
  const took = performance.now() - started
  expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining(words) } })
  expect(took).toBeLessThan(1500)
  expect(process.memoryUsage().rss - heap).toBeLessThan(100 * 1024 * 1024)
}

describe('a roster .xlsx that unpacks to far more than a roster', () => {
  it('When a sheet unpacks to more than 20 MB, then it is refused fast, in plain words, before it is parsed', async () => {
    await refusedFast(await workbookWith(sheetOfRows(3_000_000)), '解开后太大了')
  })

  it('When a sheet claims a small size but unpacks to far more (a lying directory), then it is refused as too big', async () => {
    await refusedFast(await workbookWith(sheetOfRows(3_000_000), 4096), '解开后太大了')
  })

  it('When a sheet within the size holds a million empty rows, then it is refused for its rows before any cell is read', async () => {
    await refusedFast(await workbookWith(sheetOfRows(1_000_000)), '一次最多导入 5000 户')
  })

  it('When an ordinary roster workbook is previewed, then it still reads', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('名册')
    sheet.addRow(['户主', '村民小组/网格', '门牌', '股数', '成员'])
    for (let i = 0; i < 3000; i++) sheet.addRow([`核对${i}`, '1组', `1组${900 + i}号`, 1, ''])
    const answer = await preview({ fileName: '名册.xlsx', contentBase64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64') })
    expect(answer.ok).toBe(true)
  }, 60_000)
})
