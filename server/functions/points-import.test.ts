import { createHash } from 'node:crypto'
import { and, count, eq, sum } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import type { CardToken, GoodsList, HeldCardToken, PrintedCardView, Redemption } from '../../src/core/contracts/card'
import type { DividendExport, DividendPreview, RunDetail, RunSummary } from '../../src/core/contracts/dividend'
import type { Envelope } from '../../src/core/contracts/envelope'
import type { BeautyChart, LedgerPage, PointsImportConfirmed, PointsImportList, PointsImportPreview, PointsImportView, Ranking } from '../../src/core/contracts/score'
import { periodsOf, shanghaiInstant } from '../../src/core/period'
import { localPlatform } from '../platform/local/platform'
import { householdStatements } from '../services/credit/statements'
import { rawRows, type Database } from '../store/database'
import { findDrift } from '../store/kept-totals'
import { auditRecords, householdPeriodPoints, households, ledgerEntries, pointsImportHouseholds, pointsImports } from '../store/schema'
import { openDemoTestDatabase } from '../test-support/test-database'
import { cardFunction } from './card'
import { dividendFunction } from './dividend'
import { orgFunction } from './org'
import { scoreFunction } from './score'

/**
 * 赵家桥村 moves its paper 善治积分 in: the cadre 陈明华 downloads the template, fills in 1组, previews
 * (bad rows fixed), drafts; the accountant 徐美芳 confirms; then the household's balance, ranking,
 * 美丽积分图, dividend, shop and 善治贷 count it as README says. Through the cloud-function handlers.
 */
let database: Database
beforeAll(async () => {
  database = await openDemoTestDatabase()
}, 60_000)
afterAll(() => database.close())

const CADRE = 'demo-cadre'
const ACCOUNTANT = 'demo-accountant'
const VILLAGE = 'v-zjq'
const functions = { score: scoreFunction, dividend: dividendFunction, card: cardFunction, org: orgFunction }
let seq = 0
const rid = () => `req-import-${++seq}`

async function call<T>(openid: string, fn: keyof typeof functions, event: Record<string, unknown>): Promise<Envelope<T>> {
  return (await functions[fn].invoke({ db: database.db, openid, event, platform: localPlatform })) as Envelope<T>
}
async function ok<T>(openid: string, event: Record<string, unknown>, fn: keyof typeof functions = 'score'): Promise<T> {
  const answer = await call<T>(openid, fn, event)
  if (!answer.ok) throw new Error(`${String(event.action)}: ${answer.error.code} ${answer.error.message}`)
  return answer.data
}
async function refused(openid: string, event: Record<string, unknown>): Promise<{ code: string; message: string; fields?: Record<string, string> }> {
  const answer = await call(openid, 'score', event)
  if (answer.ok) throw new Error(`${String(event.action)} should have been refused`)
  return answer.error
}

/** Everything an import writes: a refusal leaves every figure as it was. */
async function footprint() {
  const db = database.db
  const [entries] = await db.select({ n: count() }).from(ledgerEntries)
  const [imports] = await db.select({ n: count() }).from(pointsImports)
  const [claimed] = await db.select({ n: count() }).from(pointsImportHouseholds)
  const [audit] = await db.select({ n: count() }).from(auditRecords)
  const [points] = await db.select({ total: sum(households.balance) }).from(households)
  return { entries: entries.n, imports: imports.n, claimed: claimed.n, audit: audit.n, points: points.total }
}
async function balanceOf(householdId: string): Promise<number> {
  const [row] = await database.db.select({ balance: households.balance }).from(households).where(eq(households.id, householdId))
  return row.balance
}

async function readSheet(base64: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer)
  const rows: string[][] = []
  workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))))
  return rows
}
async function fileOf(rows: readonly (readonly (string | number)[])[]): Promise<{ fileName: string; contentBase64: string }> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('纸质积分')
  for (const row of rows) sheet.addRow([...row])
  return { fileName: '赵家桥村纸质积分.xlsx', contentBase64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64') }
}

const now = new Date()
const year = Number(periodsOf(now).year)
/** The stated date: the first day of this month (Asia/Shanghai), never after today. */
const asOf = `${periodsOf(now).month}-01`
const asOfMonth = periodsOf(now).month

// 门牌, 户主, 村民小组, 结转余额, 人居环境, 垃圾分类, ..., 上年积分 (the template's columns).
let header: string[] = []
let template: string[][] = []
/** 1组 filled in: 张建国 (h-zjq-01) 结转 120 (上年 80), 人居环境 30, 志愿服务 6; 李秀英 (h-zjq-02) 结转 50, 人居环境 -4. */
function filled(overrides: Record<string, Record<string, string>> = {}): string[][] {
  const figures: Record<string, Record<string, string>> = {
    '1组01号': { 结转余额: '120', 人居环境: '30', 志愿服务: '6', 上年积分: '80' },
    '1组02号': { 结转余额: '50', 人居环境: '-4' },
    ...overrides,
  }
  const paperTotal: Record<string, string> = { 结转余额: '170', 人居环境: '26', 志愿服务: '6', 上年积分: '80' }
  return template.map((row) => {
    const wanted = row[0] === '合计' && row[2] === '1组' ? paperTotal : figures[row[0]]
    return wanted ? header.map((column, i) => wanted[column] ?? row[i] ?? '') : row
  })
}

describe('the template', () => {
  it('When the cadre downloads it, then it lists the village’s households by group with a 合计 row per group', async () => {
    const file = await ok<DividendExport>(CADRE, { action: 'pointsImportTemplate', orgId: VILLAGE })
    expect(file.fileName).toMatch(/^赵家桥村-纸质积分导入模板-\d{4}-\d{2}-\d{2}\.xlsx$/)
    template = await readSheet(file.base64)
    header = template[0]
    expect(header.slice(0, 4)).toEqual(['门牌', '户主', '村民小组', '结转余额'])
    expect(header).toContain('人居环境')
    expect(header.slice(-2)).toEqual(['上年积分', '积分卡号'])
    expect(template[1].slice(0, 3)).toEqual(['1组01号', '张建国', '1组'])
    expect(template.filter((row) => row[0] === '合计').map((row) => row[2] ?? '')).toEqual(['1组', '2组', '3组', '4组', ''])
  })
})

describe('preview and draft', () => {
  it('When the file has three bad rows, then the preview shows each with its reason, and the draft is refused with nothing written', async () => {
    const file = await fileOf(
      filled({
        '1组03号': { 结转余额: '八十' },
        '1组04号': { 结转余额: '10', 户主: '王五' },
        '1组05号': { 结转余额: '5', 人居环境: '-9' },
      }),
    )
    const preview = await ok<PointsImportPreview>(CADRE, { action: 'pointsImportPreview', orgId: VILLAGE, asOf, file })
    expect(preview.problems.map((p) => [p.houseNo, p.reasons])).toEqual([
      ['1组03号', ['结转余额“八十”应为整数']],
      ['1组04号', [expect.stringMatching(/^户主“王五”和名册上的“.+”对不上$/)]],
      ['1组05号', ['结转余额加本年积分是负数，请核对']],
    ])
    expect(preview.unfilled).toBe(27)
    const before = await footprint()
    const draft = await refused(CADRE, { action: 'pointsImportDraft', requestId: rid(), orgId: VILLAGE, asOf, file, fileSha256: preview.fileSha256 })
    expect(draft).toMatchObject({ code: 'INVALID_INPUT', message: '还有 3 行有问题，请在表格里改好后重新预览' })
    expect(await footprint()).toEqual(before)
  })

  it('When the rows are fixed, then the preview shows 1组’s totals beside the paper’s 合计, and the draft writes nothing to the ledger', async () => {
    const file = await fileOf(filled())
    const preview = await ok<PointsImportPreview>(CADRE, { action: 'pointsImportPreview', orgId: VILLAGE, asOf, file })
    expect(preview.problems).toEqual([])
    expect(preview.fileSha256).toBe(createHash('sha256').update(Buffer.from(file.contentBase64, 'base64')).digest('hex'))
    const one = preview.totals.find((t) => t.group === '1组')!
    expect(one).toMatchObject({ households: 2, rows: { balance: 170, lastYear: 80, thisYear: { 人居环境: 26, 志愿服务: 6 } }, differences: [] })
    expect(preview.totals.map((t) => t.group)).toEqual(['1组', null])
    expect(preview.totals[1]).toMatchObject({ households: 2, paper: null, differences: [] })

    const before = await footprint()
    const draft = await ok<PointsImportView>(CADRE, { action: 'pointsImportDraft', requestId: rid(), orgId: VILLAGE, asOf, file, fileSha256: preview.fileSha256 })
    expect(draft).toMatchObject({ status: 'draft', draftedBy: '陈明华', confirmedBy: null, mayConfirm: false, asOf })
    expect(draft.rows.map((r) => r.householdId)).toEqual(['h-zjq-01', 'h-zjq-02'])
    const after = await footprint()
    expect(after).toEqual({ ...before, imports: before.imports + 1, audit: before.audit + 1 })
  })

  it('When the date, the fingerprint or the place is wrong, then it is refused in plain words and nothing is written', async () => {
    const file = await fileOf(filled())
    const before = await footprint()
    const future = await refused(CADRE, { action: 'pointsImportPreview', orgId: VILLAGE, asOf: `${year + 1}-01-01`, file })
    expect(future).toMatchObject({ code: 'INVALID_INPUT', message: '截至日期不能晚于今天', fields: { asOf: '截至日期不能晚于今天' } })
    expect(await refused(CADRE, { action: 'pointsImportPreview', orgId: VILLAGE, asOf: '2026-13-01', file })).toMatchObject({ code: 'INVALID_INPUT' })
    const stale = await refused(CADRE, { action: 'pointsImportDraft', requestId: rid(), orgId: VILLAGE, asOf, file, fileSha256: 'a'.repeat(64) })
    expect(stale.code).toBe('ROSTER_CHANGED')
    const group = await refused(CADRE, { action: 'pointsImportPreview', orgId: 'g-zjq-1', asOf, file })
    expect(group).toMatchObject({ code: 'INVALID_INPUT', message: '纸质积分要导入到一个村' })
    const junk = await refused(CADRE, { action: 'pointsImportPreview', orgId: VILLAGE, asOf, file: { fileName: 'a.xlsx', contentBase64: 'aGVsbG8=' } })
    expect(junk.message).toContain('.xlsx')
    expect(await footprint()).toEqual(before)
  })
})

describe('who may import and confirm', () => {
  it.each([
    ['a grid leader', 'demo-grid-leader'],
    ['a shop clerk', 'demo-shop'],
    ['a cadre of another village', 'demo-cadre-other'],
    ['a villager', 'demo-villager'],
  ])('When %s tries, then every step is refused and nothing is written', async (_who, openid) => {
    const file = await fileOf(filled())
    const before = await footprint()
    const [draft] = (await ok<{ imports: PointsImportView[] }>(CADRE, { action: 'pointsImports', orgId: VILLAGE })).imports
    expect((await refused(openid, { action: 'pointsImportTemplate', orgId: VILLAGE })).code).toBe('FORBIDDEN')
    expect((await refused(openid, { action: 'pointsImportPreview', orgId: VILLAGE, asOf, file })).code).toBe('FORBIDDEN')
    expect((await refused(openid, { action: 'pointsImportDraft', requestId: rid(), orgId: VILLAGE, asOf, file, fileSha256: draft.fileSha256 })).code).toBe('FORBIDDEN')
    expect((await refused(openid, { action: 'pointsImports', orgId: VILLAGE })).code).toBe('FORBIDDEN')
    expect((await refused(openid, { action: 'pointsImportConfirm', requestId: rid(), importId: draft.id })).code).toBe('FORBIDDEN')
    expect(await footprint()).toEqual(before)
  })

  it('When the cadre who drafted it tries to confirm it, then it is refused: a second person must', async () => {
    const [draft] = (await ok<{ imports: PointsImportView[] }>(CADRE, { action: 'pointsImports', orgId: VILLAGE })).imports
    const before = await footprint()
    const own = await refused(CADRE, { action: 'pointsImportConfirm', requestId: rid(), importId: draft.id })
    expect(own).toMatchObject({ code: 'FORBIDDEN', message: '导入要由另一个人确认：请合作社会计或另一位村干部确认' })
    expect(await footprint()).toEqual(before)
  })

  it('When the drafter binds an accountant code he issued with his second WeChat, then that account may not confirm: it is not a second person', async () => {
    const secondPhone = 'wx-cadre-second-phone'
    const invite = await ok<{ code: string }>(CADRE, { action: 'issueStaffInvite', requestId: rid(), role: 'accountant', orgId: VILLAGE }, 'org')
    expect(await ok(secondPhone, { action: 'bindStaff', requestId: rid(), code: invite.code, displayName: '陈明华小号' }, 'org')).toMatchObject({ bound: true })
    const [draft] = (await ok<PointsImportList>(secondPhone, { action: 'pointsImports', orgId: VILLAGE })).imports
    expect(draft).toMatchObject({ status: 'draft', mayConfirm: false })
    const before = await footprint()
    const alone = await refused(secondPhone, { action: 'pointsImportConfirm', requestId: rid(), importId: draft.id })
    expect(alone).toMatchObject({ code: 'FORBIDDEN', message: '您的身份是用起草人发的码开通的，不能算第二个人：请另一位合作社会计或村干部确认' })
    expect(await footprint()).toEqual(before)
    expect((await ok<PointsImportList>(ACCOUNTANT, { action: 'pointsImports', orgId: VILLAGE })).imports[0]).toMatchObject({ id: draft.id, mayConfirm: true })
  })
})

describe('the accountant confirms', () => {
  let confirmed: PointsImportConfirmed
  const balances = { zhang: 0, li: 0 }

  it('When the accountant confirms, then each household’s balance moves by 结转余额 + this year’s points, in entries of their own kinds', async () => {
    balances.zhang = await balanceOf('h-zjq-01')
    balances.li = await balanceOf('h-zjq-02')
    const { imports, mayDraft } = await ok<PointsImportList>(ACCOUNTANT, { action: 'pointsImports', orgId: VILLAGE })
    expect(mayDraft).toBe(false)
    expect(imports[0]).toMatchObject({ status: 'draft', mayConfirm: true })
    const requestId = rid()
    confirmed = await ok<PointsImportConfirmed>(ACCOUNTANT, { action: 'pointsImportConfirm', requestId, importId: imports[0].id })
    expect(confirmed).toMatchObject({ households: 2, entries: 6, import: { status: 'confirmed', draftedBy: '陈明华', confirmedBy: '徐美芳', mayConfirm: false } })
    expect(await balanceOf('h-zjq-01')).toBe(balances.zhang + 120 + 30 + 6)
    expect(await balanceOf('h-zjq-02')).toBe(balances.li + 50 - 4)

    const page = await ok<LedgerPage>('demo-villager', { action: 'ledger' })
    const imported = page.lines.filter((l) => l.kind === 'carried' || (l.kind === 'opening' && l.note.startsWith('纸质台账')))
    expect(imported.map((l) => [l.kindLabel, l.points, l.note])).toEqual([
      ['纸质台账积分', 6, `志愿服务：本年纸质台账积分，截至 ${Number(asOf.slice(5, 7))} 月 1 日`],
      ['纸质台账积分', 30, `人居环境：本年纸质台账积分，截至 ${Number(asOf.slice(5, 7))} 月 1 日`],
      ['期初积分', 40, '纸质台账结转余额 120 分，其中上年积分 80 分单列'],
      ['纸质台账积分', 80, `上年（${year - 1} 年）纸质台账积分`],
    ])

    const again = await ok<PointsImportConfirmed>(ACCOUNTANT, { action: 'pointsImportConfirm', requestId, importId: imports[0].id })
    expect(again).toEqual(confirmed)
    expect(await balanceOf('h-zjq-01')).toBe(balances.zhang + 156)
  })

  it('The audit trail records both people and the file’s fingerprint; every kept total agrees with the ledger', async () => {
    const [record] = await database.db.select().from(auditRecords).where(eq(auditRecords.action, 'points.importConfirm'))
    expect(record).toMatchObject({
      actorOpenid: ACCOUNTANT,
      orgId: VILLAGE,
      after: { draftedBy: CADRE, confirmedBy: ACCOUNTANT, fileSha256: confirmed.import.fileSha256, households: 2, entries: 6 },
    })
    const drifts = (await findDrift(rawRows(database.db))).flatMap((total) => total.drifts)
    expect(drifts).toEqual([])
  })

  it('When the same file is imported again, then every row is refused as already imported and nothing changes', async () => {
    const file = await fileOf(filled())
    const before = await footprint()
    const preview = await ok<PointsImportPreview>(CADRE, { action: 'pointsImportPreview', orgId: VILLAGE, asOf, file })
    expect(preview.rows).toEqual([])
    expect(preview.problems.map((p) => p.houseNo)).toEqual(['1组01号', '1组02号'])
    expect(preview.problems[0].reasons[0]).toMatch(/^这户的纸质积分已经在 \d{4}-\d{2}-\d{2} 导入过了/)
    expect((await refused(CADRE, { action: 'pointsImportDraft', requestId: rid(), orgId: VILLAGE, asOf, file, fileSha256: preview.fileSha256 })).code).toBe('INVALID_INPUT')
    expect(await footprint()).toEqual(before)
  })

  it('When two drafts name one household and the first is confirmed, then confirming the second is refused whole', async () => {
    const rows = [['门牌', '结转余额'], ['1组03号', '10'], ['1组04号', '5']]
    const draftOf = async () => {
      const file = await fileOf(rows)
      const preview = await ok<PointsImportPreview>(CADRE, { action: 'pointsImportPreview', orgId: VILLAGE, asOf, file })
      return ok<PointsImportView>(CADRE, { action: 'pointsImportDraft', requestId: rid(), orgId: VILLAGE, asOf, file, fileSha256: preview.fileSha256 })
    }
    const first = await draftOf()
    const second = await draftOf()
    await ok(ACCOUNTANT, { action: 'pointsImportConfirm', requestId: rid(), importId: first.id })
    const before = await footprint()
    const refusal = await refused(ACCOUNTANT, { action: 'pointsImportConfirm', requestId: rid(), importId: second.id })
    expect(refusal.code).toBe('ALREADY_DECIDED')
    expect(refusal.message).toContain('1组03号')
    expect(await footprint()).toEqual(before)

    expect((await refused(ACCOUNTANT, { action: 'pointsImportWithdraw', requestId: rid(), importId: second.id })).code).toBe('FORBIDDEN')
    expect((await refused('demo-cadre-other', { action: 'pointsImportWithdraw', requestId: rid(), importId: second.id })).code).toBe('FORBIDDEN')
    expect((await refused(CADRE, { action: 'pointsImportWithdraw', requestId: rid(), importId: first.id })).message).toBe('这份导入已经确认入账，不能作废；有错请用“更正冲销”')
    const withdrawn = await ok<PointsImportView>(CADRE, { action: 'pointsImportWithdraw', requestId: rid(), importId: second.id })
    expect(withdrawn).toMatchObject({ status: 'withdrawn', mayConfirm: false })
    expect((await refused(ACCOUNTANT, { action: 'pointsImportConfirm', requestId: rid(), importId: second.id })).code).toBe('ALREADY_DECIDED')
    expect(await footprint()).toEqual({ ...before, audit: before.audit + 1 })
  })
})

describe('downstream', () => {
  it('This year’s paper points count in this year’s ranking and in the 美丽积分图 month they are dated; the carried-over balance does not', async () => {
    const ranking = await ok<Ranking>('demo-villager', { action: 'ranking', orgId: VILLAGE, period: String(year) })
    const [kept] = await database.db
      .select({ points: householdPeriodPoints.points })
      .from(householdPeriodPoints)
      .where(and(eq(householdPeriodPoints.householdId, 'h-zjq-01'), eq(householdPeriodPoints.period, String(year))))
    expect(ranking.mine!.points).toBe(36)
    expect(kept.points).toBe(36)
    const full = await ok<Ranking>('demo-cadre', { action: 'ranking', orgId: VILLAGE, period: String(year), full: true })
    expect(full.all!.find((r) => r.householdId === 'h-zjq-02')!.points).toBe(-4)
    const chart = await ok<BeautyChart>('demo-grid-leader', { action: 'beautyChart', orgId: 'mg-zjq-1-1' })
    const zhang = chart.households.find((h) => h.householdId === 'h-zjq-01')!
    expect(zhang.monthly[chart.months.indexOf(asOfMonth)]).toBe(36)
  })

  it('The dividend preview pays the points incentive on this year’s paper points, not on the balance', async () => {
    const preview = await ok<DividendPreview>(ACCOUNTANT, { action: 'preview', orgId: VILLAGE, year, totalFen: 600_000, incentiveFen: 100_000, method: 'proportional' }, 'dividend')
    const line = (id: string) => preview.lines.find((l) => l.householdId === id)!
    expect(line('h-zjq-01').points).toBe(36)
    expect(line('h-zjq-03').points).toBe(0)
    expect(line('h-zjq-01').incentiveFen).toBe(100_000)
  })

  it('The dividend’s per-household explanation names the paper points apart from the village’s own scores', async () => {
    const draft = await ok<RunSummary>(ACCOUNTANT, { action: 'saveDraft', requestId: rid(), orgId: VILLAGE, year, totalFen: 600_000, incentiveFen: 100_000, method: 'proportional' }, 'dividend')
    const run = await ok<RunDetail>(ACCOUNTANT, { action: 'run', runId: draft.id }, 'dividend')
    const line = (id: string) => run.lines.find((l) => l.householdId === id)!
    expect(line('h-zjq-01')).toMatchObject({ points: 36, pointsOrigin: [{ orgName: '纸质台账结转', points: 36 }] })
    expect(line('h-zjq-02')).toMatchObject({ points: -4, pointsOrigin: [{ orgName: '纸质台账结转', points: -4 }] })
  })

  it('善治贷 states last year’s points from the import', async () => {
    const statements = await householdStatements(database.db, 'h-zjq-01', now, false)
    expect(statements.lastYear).toEqual({ year: String(year - 1), points: 80 })
    expect(statements.thisYear).toEqual({ year: String(year), points: 36 })
  })

  it('The imported balance spends at the shop', async () => {
    const { token } = await ok<CardToken>('demo-villager', { action: 'cardToken' }, 'card')
    const goods = await ok<GoodsList>('demo-shop', { action: 'goods' }, 'card')
    const item = goods.goods.find((g) => g.onShelf && g.stock > 0)!
    const before = await balanceOf('h-zjq-01')
    const receipt = await ok<Redemption>('demo-shop', { action: 'redeem', requestId: rid(), token, shopId: goods.shop.id, items: [{ goodsId: item.id, quantity: 1 }] }, 'card')
    expect(receipt).toMatchObject({ pointsSpent: item.pointsPrice, balanceAfter: before - item.pointsPrice })
    expect(await balanceOf('h-zjq-01')).toBe(before - item.pointsPrice)
  })

  it('Nothing of it is dated outside the year and month stated', async () => {
    const entries = await database.db.select().from(ledgerEntries).where(and(eq(ledgerEntries.householdId, 'h-zjq-01'), eq(ledgerEntries.kind, 'carried')))
    expect(entries.map((e) => e.createdAt.toISOString()).sort()).toEqual(
      [shanghaiInstant(`${year - 1}-12-31`), shanghaiInstant(asOf), shanghaiInstant(asOf)].map((d) => d.toISOString()).sort(),
    )
  })
})

describe('paper 股东积分卡 carried in', () => {
  async function imported(rows: string[][]): Promise<Envelope<PointsImportConfirmed>> {
    const file = await fileOf(rows)
    const preview = await ok<PointsImportPreview>(CADRE, { action: 'pointsImportPreview', orgId: VILLAGE, asOf, file })
    if (preview.problems.length > 0) return { ok: false, error: { code: 'INVALID_INPUT', message: preview.problems[0].reasons.join('；') } }
    const draft = await ok<PointsImportView>(CADRE, { action: 'pointsImportDraft', requestId: rid(), orgId: VILLAGE, asOf, file, fileSha256: preview.fileSha256 })
    return call<PointsImportConfirmed>(ACCOUNTANT, 'score', { action: 'pointsImportConfirm', requestId: rid(), importId: draft.id })
  }

  it('When the import carries a household’s card number, then the shop takes that number with the PIN a cadre set, as it takes ours', async () => {
    expect((await imported([['门牌', '结转余额', '积分卡号'], ['1组06号', '30', 'zjq-0006']])).ok).toBe(true)
    expect(await call(CADRE, 'card', { action: 'printedCardToken', cardNumber: 'ZJQ0006', pin: '480913' })).toMatchObject({ ok: false })
    const view = await ok<PrintedCardView>(CADRE, { action: 'setCardPin', requestId: rid(), householdId: 'h-zjq-06', pin: '480913' }, 'card')
    expect(view).toMatchObject({ paperCardNumber: 'ZJQ0006', pinSet: true })
    const wrong = await call('demo-shop', 'card', { action: 'printedCardToken', cardNumber: 'ZJQ-0006', pin: '111222' })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'PIN_WRONG' } })
    const token = await ok<HeldCardToken>('demo-shop', { action: 'printedCardToken', cardNumber: 'zjq 0006', pin: '480913' }, 'card')
    expect(token.holder).toMatchObject({ balance: await balanceOf('h-zjq-06') })
    const unknown = await call('demo-shop', 'card', { action: 'printedCardToken', cardNumber: 'ZJQ-9999', pin: '480913' })
    expect(unknown).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('When another household’s row names a card number the village already gave, then it is a bad row and nothing is written', async () => {
    const before = await footprint()
    const second = await imported([['门牌', '结转余额', '积分卡号'], ['1组07号', '30', 'ZJQ0006']])
    expect(second).toMatchObject({ ok: false, error: { message: '积分卡号“ZJQ0006”已经是本村别的户的了' } })
    expect(await footprint()).toEqual(before)
  })
})
