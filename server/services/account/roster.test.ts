import { eq, sql } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import type { HouseholdDetail, RosterImportResult, RosterPreview } from '../../../src/core/contracts/account'
import type { Envelope } from '../../../src/core/contracts/envelope'
import { accountFunction } from '../../functions/account'
import { localPlatform } from '../../platform/local/platform'
import type { Database } from '../../store/database'
import { households } from '../../store/schema'
import { openDemoTestDatabase } from '../../test-support/test-database'

let database: Database
beforeAll(async () => {
  database = await openDemoTestDatabase()
})
afterAll(() => database.close())

function call<T>(openid: string, action: string, params: Record<string, unknown> = {}): Promise<Envelope<T>> {
  return accountFunction.invoke({ db: database.db, openid, event: { action, ...params }, platform: localPlatform }) as Promise<Envelope<T>>
}
function data<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`)
  return envelope.data
}

async function xlsxFile(rows: (string | number)[][], fileName = '名册.xlsx') {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('名册')
  for (const row of rows) sheet.addRow(row)
  return { fileName, contentBase64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64') }
}
function csvFile(text: string, fileName = '名册.csv') {
  return { fileName, contentBase64: Buffer.from(text, 'utf8').toString('base64') }
}

async function villageHouseholds(villageId: string) {
  return database.db.select().from(households).where(eq(households.villageId, villageId)).orderBy(households.houseNo)
}
async function householdCount(): Promise<number> {
  const [{ count }] = await database.db.select({ count: sql<number>`count(*)::int` }).from(households)
  return count
}

const HEADER = ['户主', '村民小组/网格', '门牌', '股数', '成员']

describe('reading roster files', () => {
  it('When a cadre previews an .xlsx with Chinese headers and numeric cells, then its rows come out as households', async () => {
    const file = await xlsxFile([HEADER, ['周阿根', '2组', '2组91号', 5, '周阿根、周小红'], ['吴美英', '第二网格1号微网格', '3组92号', 0, '']])
    const preview = data(await call<RosterPreview>('demo-cadre', 'rosterPreview', { orgId: 'v-zjq', file }))
    expect(preview.problems).toEqual([])
    expect(preview.rows.map((r) => [r.line, r.headName, r.houseNo, r.shares, r.group, r.microGrid, r.memberNames, r.change])).toEqual([
      [2, '周阿根', '2组91号', 5, '2组', null, ['周阿根', '周小红'], 'new'],
      [3, '吴美英', '3组92号', 0, null, '第二网格1号微网格', [], 'new'],
    ])
  })

  it('When a CSV is UTF-8 with a byte-order mark, or GB18030 as Chinese Excel saves it, then both read the same', async () => {
    const utf8 = csvFile('\ufeff户主,门牌,股数\n张建国,1组09号,3\n')
    // "户主,门牌,股数\n张建国,1组09号,3\n" in GB18030, as Excel on a Chinese Windows writes it.
    const gbk = { fileName: '名册.csv', contentBase64: Buffer.from('BBA7D6F72CC3C5C5C62CB9C9CAFD0AD5C5BDA8B9FA2C31D7E93039BAC52C330A', 'hex').toString('base64') }
    for (const file of [utf8, gbk]) {
      const preview = data(await call<RosterPreview>('demo-cadre', 'rosterPreview', { orgId: 'v-zjq', file }))
      expect(preview.rows.map((r) => [r.headName, r.houseNo, r.shares])).toEqual([['张建国', '1组09号', 3]])
    }
  })

  it('When a file named .xlsx is not one, or a CSV has a broken quote, then the cadre is told plainly', async () => {
    const fake = await call('demo-cadre', 'rosterPreview', { orgId: 'v-zjq', file: csvFile('户主,门牌,股数\n', '名册.xlsx') })
    expect(fake).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('不是 .xlsx 文件') } })
    const broken = await call('demo-cadre', 'rosterPreview', { orgId: 'v-zjq', file: csvFile('户主,门牌,股数\n"张建国,1组01号,3\n') })
    expect(broken).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('引号') } })
  })

  it('When the file is over 2 MB or not a roster type, then it is refused before it is read', async () => {
    const big = { fileName: '名册.csv', contentBase64: Buffer.alloc(2 * 1024 * 1024 + 10, 65).toString('base64') }
    expect(await call('demo-cadre', 'rosterPreview', { orgId: 'v-zjq', file: big })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('2 MB') } })
    const doc = { fileName: '名册.docx', contentBase64: 'AAAA' }
    expect(await call('demo-cadre', 'rosterPreview', { orgId: 'v-zjq', file: doc })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })
})

describe('importing the roster', () => {
  it('When a cadre previews a file with bad rows, then every bad row has its reasons and nothing is written', async () => {
    const before = await householdCount()
    const file = await xlsxFile([
      HEADER,
      ['', '1组', '1组81号', 3, ''],
      ['许阿三', '五组', '1组82号', 3, ''],
      ['何小弟', '1组', '1组83号', 'abc', ''],
      ['严国平', '4组', '4组25号', 6, ''],
      ['严国平', '4组', '4组25号', 6, ''],
    ])
    const preview = data(await call<RosterPreview>('demo-cadre', 'rosterPreview', { orgId: 'v-zjq', file }))
    expect(preview.problems.map((p) => [p.line, p.reasons])).toEqual([
      [2, ['缺少户主姓名']],
      [3, ['没有叫“五组”的村民小组或微网格']],
      [4, ['股数“abc”应为 0 或正整数']],
      [5, ['门牌“4组25号”重复（第 5、6 行）']],
      [6, ['门牌“4组25号”重复（第 5、6 行）']],
    ])
    expect(preview.rows).toEqual([])
    expect(await householdCount()).toBe(before)
  })

  it('When a cadre imports and later re-imports the roster, then households are matched by 门牌 and updated, never duplicated', async () => {
    const [zhang] = await database.db.select().from(households).where(eq(households.id, 'h-zjq-01'))
    const first = await xlsxFile([
      HEADER,
      [zhang.headName, '1组', zhang.houseNo, 9, '张建国、王桂英'],
      ['陶阿四', '2组', '2组71号', 3, ''],
      ['', '2组', '2组72号', 3, ''],
    ])
    const preview = data(await call<RosterPreview>('demo-cadre', 'rosterPreview', { orgId: 'v-zjq', file: first }))
    expect([preview.newCount, preview.updateCount, preview.problems.length]).toEqual([1, 1, 1])
    const imported = data(
      await call<RosterImportResult>('demo-cadre', 'rosterImport', { requestId: 'roster-import-1', orgId: 'v-zjq', file: first, digest: preview.digest }),
    )
    expect(imported).toMatchObject({ created: 1, updated: 1, skipped: 1 })
    const afterFirst = await villageHouseholds('v-zjq')
    expect(afterFirst).toHaveLength(33)
    expect(afterFirst.find((h) => h.houseNo === '2组71号')).toMatchObject({ headName: '陶阿四', groupId: 'g-zjq-2', shares: 3, balance: 0 })
    expect(afterFirst.find((h) => h.id === 'h-zjq-01')).toMatchObject({ shares: 9, memberNames: ['张建国', '王桂英'], balance: zhang.balance })

    const second = await xlsxFile([HEADER, [zhang.headName, '1组', zhang.houseNo, 4, ''], ['陶阿四', '3组', '2组71号', 5, '陶阿四']])
    const again = data(await call<RosterPreview>('demo-cadre', 'rosterPreview', { orgId: 'v-zjq', file: second }))
    expect([again.newCount, again.updateCount]).toEqual([0, 2])
    const reimported = data(
      await call<RosterImportResult>('demo-cadre', 'rosterImport', { requestId: 'roster-import-2', orgId: 'v-zjq', file: second, digest: again.digest }),
    )
    expect(reimported).toMatchObject({ created: 0, updated: 2, skipped: 0 })
    const afterSecond = await villageHouseholds('v-zjq')
    expect(afterSecond).toHaveLength(33)
    expect(afterSecond.find((h) => h.houseNo === '2组71号')).toMatchObject({ groupId: 'g-zjq-3', shares: 5, memberNames: ['陶阿四'] })
    expect(afterSecond.find((h) => h.id === 'h-zjq-01')).toMatchObject({ shares: 4, memberNames: [], balance: zhang.balance })
  })

  it('When the file sent to import is not the one previewed, then the import is refused and nothing is written', async () => {
    const previewed = await xlsxFile([HEADER, ['韩阿五', '1组', '1组61号', 2, '']])
    const preview = data(await call<RosterPreview>('demo-cadre', 'rosterPreview', { orgId: 'v-zjq', file: previewed }))
    const other = await xlsxFile([HEADER, ['韩阿五', '1组', '1组61号', 20, '']])
    const before = await householdCount()
    const refused = await call('demo-cadre', 'rosterImport', { requestId: 'roster-import-3', orgId: 'v-zjq', file: other, digest: preview.digest })
    expect(refused).toMatchObject({ ok: false, error: { code: 'ROSTER_CHANGED' } })
    expect(await householdCount()).toBe(before)
  })

  it('When the same import request is sent twice, then the second gets the first answer', async () => {
    const file = csvFile('户主,门牌,股数\n孔阿六,1组51号,2\n')
    const preview = data(await call<RosterPreview>('demo-cadre', 'rosterPreview', { orgId: 'v-zjq', file }))
    const params = { requestId: 'roster-import-4', orgId: 'v-zjq', file, digest: preview.digest }
    const first = data(await call<RosterImportResult>('demo-cadre', 'rosterImport', params))
    const second = data(await call<RosterImportResult>('demo-cadre', 'rosterImport', params))
    expect(first).toMatchObject({ created: 1, updated: 0 })
    expect(second).toEqual(first)
  })

  it('When a street admin imports into a village of the street, then it is allowed', async () => {
    const file = csvFile('户主,门牌,股数\n马阿七,1组41号,2\n')
    const preview = data(await call<RosterPreview>('demo-admin', 'rosterPreview', { orgId: 'v-tj', file }))
    const result = data(await call<RosterImportResult>('demo-admin', 'rosterImport', { requestId: 'roster-admin-1', orgId: 'v-tj', file, digest: preview.digest }))
    expect(result).toMatchObject({ village: { id: 'v-tj' }, created: 1 })
  })

  it.each([
    ['a cadre of another village', 'demo-cadre-other'],
    ['a villager', 'demo-villager'],
    ['a grid leader of the village', 'demo-grid-leader'],
  ])('When %s previews or imports 赵家桥村’s roster, then FORBIDDEN and nothing is written', async (_who, openid) => {
    const file = csvFile('户主,门牌,股数\n冯阿八,1组31号,2\n')
    const before = await householdCount()
    expect(await call(openid, 'rosterPreview', { orgId: 'v-zjq', file })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const digest = 'a'.repeat(64)
    expect(await call(openid, 'rosterImport', { requestId: `forbidden-${openid}`, orgId: 'v-zjq', file, digest })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await householdCount()).toBe(before)
  })
})

describe('editing a household by hand', () => {
  const edit = (openid: string, requestId: string, changes: Record<string, unknown>) =>
    call<HouseholdDetail>(openid, 'updateHousehold', {
      requestId,
      householdId: 'h-zjq-03',
      headName: '王金林',
      houseNo: '1组03号',
      shares: 6,
      groupId: 'g-zjq-1',
      microGridId: 'mg-zjq-1-1',
      memberNames: ['王金林', '王小燕'],
      ...changes,
    })

  it('When a cadre corrects head, 门牌, shares, group and members, then the household shows them and its points stay', async () => {
    const [before] = await database.db.select().from(households).where(eq(households.id, 'h-zjq-03'))
    const detail = data(await edit('demo-cadre', 'edit-household-1', { headName: '王建林', houseNo: '1组 03号A', groupId: 'g-zjq-2' }))
    expect(detail.household).toMatchObject({ name: '王建林', houseNo: '1组03号A', shares: 6, group: { id: 'g-zjq-2' }, memberNames: ['王金林', '王小燕'], balance: before.balance })
    expect(detail.groups.map((g) => g.name)).toEqual(['1组', '2组', '3组', '4组'])
  })

  it('When the new 门牌 belongs to another household, or the group is of another village, then INVALID_INPUT', async () => {
    expect(await edit('demo-cadre', 'edit-household-2', { houseNo: '1组04号' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('陈美华') } })
    expect(await edit('demo-cadre', 'edit-household-3', { groupId: 'g-tj-1' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('When a cadre of another village edits the household, then FORBIDDEN and it is unchanged', async () => {
    const [before] = await database.db.select().from(households).where(eq(households.id, 'h-zjq-03'))
    expect(await edit('demo-cadre-other', 'edit-household-4', { shares: 99 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const [after] = await database.db.select().from(households).where(eq(households.id, 'h-zjq-03'))
    expect(after).toEqual(before)
  })
})
