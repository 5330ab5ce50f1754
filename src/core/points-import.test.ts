import fc from 'fast-check'
import { asOfProblem, checkPointsImport, importEntries, templateRows, TEMPLATE_HEADER, type ImportHousehold } from './points-import'
import { EARNED_POINT_KINDS } from './ledger'

const households: ImportHousehold[] = [
  { id: 'h-1', houseNo: '1组01号', headName: '张建国', group: '1组', importedOn: null },
  { id: 'h-2', houseNo: '1组02号', headName: '李秀英', group: '1组', importedOn: null },
  { id: 'h-3', houseNo: '2组01号', headName: '王大海', group: '2组', importedOn: null },
  { id: 'h-4', houseNo: '2组02号', headName: '赵小妹', group: '2组', importedOn: '2026-10-01' },
]
const header = ['门牌', '户主', '村民小组', '结转余额', '人居环境', '志愿服务', '上年积分']

describe('a village’s paper points sheet', () => {
  it('When every row is right, then each household gets its figures and each group its totals beside the paper’s 合计', () => {
    const check = checkPointsImport(
      [
        header,
        ['1组01号', '张建国', '1组', '120', '30', '5', '80'],
        ['1组 02号', '', '', '60', '-10', '', ''],
        ['合计', '', '1组', '180', '20', '5', '80'],
        ['2组01号', '王大海', '2组', '40', '12', '0', '10'],
        ['合计', '', '2组', '40', '15', '0', '10'],
        ['2组02号', '赵小妹', '2组', '', '', '', ''],
      ],
      households,
    )
    expect(check.problems).toEqual([])
    expect(check.unfilled).toBe(1)
    expect(check.categories).toEqual(['人居环境', '志愿服务'])
    expect(check.rows.map((r) => [r.householdId, r.balance, r.thisYear, r.lastYear])).toEqual([
      ['h-1', 120, { 人居环境: 30, 志愿服务: 5 }, 80],
      ['h-2', 60, { 人居环境: -10, 志愿服务: 0 }, 0],
      ['h-3', 40, { 人居环境: 12, 志愿服务: 0 }, 10],
    ])
    const [one, two, village] = check.totals
    expect(one).toMatchObject({ group: '1组', households: 2, rows: { balance: 180, thisYear: { 人居环境: 20, 志愿服务: 5 } }, differences: [] })
    expect(two).toMatchObject({ group: '2组', households: 1, differences: ['人居环境'] })
    expect(village).toMatchObject({ group: null, households: 3, paper: null, rows: { balance: 220, lastYear: 90 } })
  })

  it('When rows are bad, then each is listed with every reason and nothing of it is kept', () => {
    const check = checkPointsImport(
      [
        header,
        ['1组01号', '张建华', '', '十二', '3.5', '', ''],
        ['9组99号', '', '', '10', '', '', ''],
        ['2组01号', '', '', '10', '', '', ''],
        ['2组01号', '', '', '10', '', '', ''],
        ['2组02号', '', '', '10', '', '', '-3'],
        ['1组02号', '', '', '5', '-10', '', ''],
      ],
      households,
    )
    expect(check.rows).toEqual([])
    expect(check.problems).toEqual([
      { line: 2, houseNo: '1组01号', headName: '张建华', reasons: ['结转余额“十二”应为整数', '人居环境“3.5”应为整数', '户主“张建华”和名册上的“张建国”对不上'] },
      { line: 3, houseNo: '9组99号', headName: '', reasons: ['名册里没有门牌“9组99号”'] },
      { line: 4, houseNo: '2组01号', headName: '王大海', reasons: ['“2组01号”重复（第 4、5 行）'] },
      { line: 5, houseNo: '2组01号', headName: '王大海', reasons: ['“2组01号”重复（第 4、5 行）'] },
      {
        line: 6,
        houseNo: '2组02号',
        headName: '赵小妹',
        reasons: ['上年积分不能是负数', '这户的纸质积分已经在 2026-10-01 导入过了，不能再导入；有错请用“更正冲销”'],
      },
      { line: 7, houseNo: '1组02号', headName: '李秀英', reasons: ['结转余额加本年积分是负数，请核对'] },
    ])
  })

  it('When the sheet lacks the key or 结转余额 column, then the whole file is refused in plain words', () => {
    expect(() => checkPointsImport([['户主', '结转余额'], ['张建国', '1']], households)).toThrow('“门牌”')
    expect(() => checkPointsImport([['门牌', '人居环境'], ['1组01号', '1']], households)).toThrow('“结转余额”')
    expect(() => checkPointsImport([header], households)).toThrow('没有农户')
  })

  it('When rows carry the numbers of the paper 股东积分卡, then each is kept; a number twice, malformed or the village’s already is a bad row', () => {
    const check = checkPointsImport(
      [
        ['门牌', '结转余额', '积分卡号'],
        ['1组01号', '10', 'zjq-0012'],
        ['1组02号', '', '0013'],
        ['2组01号', '5', '0099'],
        ['2组02号', '5', '0099'],
        ['1组02号x', '', ''],
      ],
      households.map((h) => ({ ...h, importedOn: null })),
      new Set(['0013']),
    )
    expect(check.rows.map((r) => [r.householdId, r.cardNumber])).toEqual([['h-1', 'ZJQ0012']])
    expect(check.problems.map((p) => [p.line, p.reasons])).toEqual([
      [3, ['积分卡号“0013”已经是本村别的户的了']],
      [4, ['积分卡号“0099”重复（第 4、5 行）']],
      [5, ['积分卡号“0099”重复（第 4、5 行）']],
    ])
    expect(check.unfilled).toBe(1)
  })

  it('When the household code is the key, then rows are matched by it', () => {
    const check = checkPointsImport([['户号', '结转余额'], ['h-2', '7']], households)
    expect(check.rows).toMatchObject([{ householdId: 'h-2', balance: 7 }])
  })

  it('The template lists the village’s households by group, each group closed by a 合计 row', () => {
    expect(templateRows(households)).toEqual([
      [...TEMPLATE_HEADER],
      ['1组01号', '张建国', '1组'],
      ['1组02号', '李秀英', '1组'],
      ['合计', '', '1组'],
      ['2组01号', '王大海', '2组'],
      ['2组02号', '赵小妹', '2组'],
      ['合计', '', '2组'],
      ['合计', '', ''],
    ])
  })
})

describe('the stated date', () => {
  const now = new Date('2026-11-15T02:00:00Z')
  it('is a real day of this year, not after today', () => {
    expect(asOfProblem('2026-10-31', now)).toBeNull()
    expect(asOfProblem('2026-11-15', now)).toBeNull()
    expect(asOfProblem('2026-11-16', now)).toBe('截至日期不能晚于今天')
    expect(asOfProblem('2025-12-31', now)).toBe('截至日期要在今年（2026 年）之内')
    expect(asOfProblem('2026-02-30', now)).toBe('截至日期不是一个真实的日子')
  })
})

describe('the entries a row becomes', () => {
  it('Last year’s points are dated last year; the rest of the balance is an opening; this year’s points one per category on the stated date', () => {
    const entries = importEntries({ balance: 120, thisYear: { 人居环境: 30, 志愿服务: 0, 平安建设: -5 }, lastYear: 80 }, '2026-10-31')
    expect(entries.map((e) => [e.kind, e.points, e.at.toISOString(), e.note])).toEqual([
      ['carried', 80, '2025-12-30T16:00:00.000Z', '上年（2025 年）纸质台账积分'],
      ['opening', 40, '2026-10-30T16:00:00.000Z', '纸质台账结转余额 120 分，其中上年积分 80 分单列'],
      ['carried', 30, '2026-10-30T16:00:00.000Z', '人居环境：本年纸质台账积分，截至 10 月 31 日'],
      ['carried', -5, '2026-10-30T16:00:00.000Z', '平安建设：本年纸质台账积分，截至 10 月 31 日'],
    ])
  })

  it('For any figures, the entries move the balance by 结转余额 + this year’s points, and the earned ones dated this year sum to this year’s points', () => {
    const figure = fc.integer({ min: -500, max: 500 })
    fc.assert(
      fc.property(fc.nat(2000), figure, figure, fc.nat(2000), (balance, a, b, lastYear) => {
        const entries = importEntries({ balance, thisYear: { 人居环境: a, 垃圾分类: b }, lastYear }, '2026-03-01')
        expect(entries.every((e) => e.points !== 0 && Number.isInteger(e.points))).toBe(true)
        expect(entries.reduce((s, e) => s + e.points, 0)).toBe(balance + a + b)
        const earned = (from: string) => entries.filter((e) => EARNED_POINT_KINDS.includes(e.kind) && e.at >= new Date(from))
        expect(earned('2025-12-31T16:00:00Z').reduce((s, e) => s + e.points, 0)).toBe(a + b)
        expect(earned('2000-01-01').reduce((s, e) => s + e.points, 0)).toBe(a + b + lastYear)
      }),
    )
  })
})
