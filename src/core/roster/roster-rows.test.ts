import { AppError } from '../errors'
import { checkRoster, splitMemberNames, type RosterUnits } from './roster-rows'

const units: RosterUnits = {
  groups: [
    { id: 'g1', name: '1组' },
    { id: 'g2', name: '2组' },
  ],
  microGrids: [{ id: 'mg1', name: '第一网格1号微网格' }],
}
const HEADER = ['户主', '村民小组/网格', '门牌', '股数', '成员']

function errorOf(run: () => unknown): AppError {
  try {
    run()
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('expected an AppError')
}

describe('checking a roster table', () => {
  it('When every row is right, then each becomes a household with its group and members', () => {
    const check = checkRoster(
      [HEADER, ['张建国', '1组', '1组01号', '4', '张建国、王桂英,张小明'], ['李秀英', '第一网格1号微网格', '1组02号', '0', '']],
      units,
    )
    expect(check.problems).toEqual([])
    expect(check.rows).toEqual([
      { line: 2, headName: '张建国', houseNo: '1组01号', shares: 4, groupId: 'g1', microGridId: null, memberNames: ['张建国', '王桂英', '张小明'] },
      { line: 3, headName: '李秀英', houseNo: '1组02号', shares: 0, groupId: null, microGridId: 'mg1', memberNames: [] },
    ])
  })

  it('When rows are bad, then each is listed with its line and every reason, and only good rows remain', () => {
    const check = checkRoster(
      [
        HEADER,
        ['', '1组', '1组01号', '3', ''],
        ['王金林', '9组', '1组02号', '-1', ''],
        ['陈美华', '2组', '2组05号', '3.5', ''],
        ['沈阿大', '2组', '2组06号', '4', ''],
        ['朱根宝', '1组', '1组03号', '', ''],
        ['一二三四五六七八九十一二三四五六七八九十一', '1组', '1组04号', '2', ''],
      ],
      units,
    )
    expect(check.rows.map((r) => r.headName)).toEqual(['沈阿大'])
    expect(check.problems).toEqual([
      { line: 2, headName: '', houseNo: '1组01号', reasons: ['缺少户主姓名'] },
      { line: 3, headName: '王金林', houseNo: '1组02号', reasons: ['股数“-1”应为 0 或正整数', '没有叫“9组”的村民小组或微网格'] },
      { line: 4, headName: '陈美华', houseNo: '2组05号', reasons: ['股数“3.5”应为 0 或正整数'] },
      { line: 6, headName: '朱根宝', houseNo: '1组03号', reasons: ['缺少股数'] },
      { line: 7, headName: '一二三四五六七八九十一二三四五六七八九十', houseNo: '1组04号', reasons: ['户主姓名超过 20 个字'] },
    ])
  })

  it('When a 门牌 appears twice in the file, then both rows are bad and name each other', () => {
    const check = checkRoster(
      [HEADER, ['张建国', '1组', '1组01号', '4', ''], ['李秀英', '1组', '1组02号', '4', ''], ['王金林', '1组', '1组 01号', '3', '']],
      units,
    )
    expect(check.rows.map((r) => r.houseNo)).toEqual(['1组02号'])
    expect(check.problems.map((p) => [p.line, p.reasons])).toEqual([
      [2, ['门牌“1组01号”重复（第 2、4 行）']],
      [4, ['门牌“1组01号”重复（第 2、4 行）']],
    ])
  })

  it('When the header uses other usual names, separate group and micro-grid columns and full-width digits, then they are understood', () => {
    const check = checkRoster(
      [
        ['序号', '户主姓名', '村民小组', '微网格', '门牌号', '基本股', '家庭成员'],
        ['1', '张建国', '2组', '第一网格1号微网格', '２组０１号', '５', '张建国；张小明'],
      ],
      units,
    )
    expect(check.rows).toEqual([
      { line: 2, headName: '张建国', houseNo: '2组01号', shares: 5, groupId: 'g2', microGridId: 'mg1', memberNames: ['张建国', '张小明'] },
    ])
  })

  it('When blank lines come before the header and between rows, then they are skipped and line numbers still match the file', () => {
    const check = checkRoster([['', ''], HEADER, ['张建国', '1组', '1组01号', '4'], ['', '', ''], ['李秀英', '', '1组02号', 'x']], units)
    expect(check.rows.map((r) => [r.line, r.groupId])).toEqual([[3, 'g1']])
    expect(check.problems.map((p) => p.line)).toEqual([5])
  })

  it('When a required column is missing, then the whole file is refused and the message names it', () => {
    const error = errorOf(() => checkRoster([['户主', '村民小组'], ['张建国', '1组']], units))
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toContain('缺少：门牌、股数')
  })

  it('When the table has only a header, or is empty, then it is refused', () => {
    expect(errorOf(() => checkRoster([HEADER], units)).message).toContain('没有农户')
    expect(errorOf(() => checkRoster([], units)).message).toContain('空的')
  })

  it('When a named group or micro-grid column holds an unknown name, then the row says which', () => {
    const check = checkRoster(
      [
        ['户主', '村民小组', '微网格', '门牌', '股数'],
        ['张建国', '7组', '第九网格', '1组01号', '4'],
      ],
      units,
    )
    expect(check.problems[0].reasons).toEqual(['没有叫“7组”的村民小组', '没有叫“第九网格”的微网格'])
  })

  it('When a member name is too long or there are too many members, then the row is bad', () => {
    const many = Array.from({ length: 31 }, (_, i) => `成员${i}`).join('、')
    const check = checkRoster([HEADER, ['张建国', '1组', '1组01号', '4', many], ['李秀英', '1组', '1组02号', '4', `李${'长'.repeat(20)}`]], units)
    expect(check.problems.map((p) => p.reasons)).toEqual([['成员超过 30 人'], [`成员姓名“李${'长'.repeat(19)}…”超过 20 个字`]])
  })

  it('When shares are larger than any real holding, then the row is bad', () => {
    const check = checkRoster([HEADER, ['张建国', '1组', '1组01号', '100000', '']], units)
    expect(check.problems[0].reasons).toEqual(['股数 100000 太大（最多 1000）'])
  })

  it('When more than 5000 households are given, then the file is refused', () => {
    const rows = Array.from({ length: 5001 }, (_, i) => ['户主', '', `${i}号`, '1'])
    expect(errorOf(() => checkRoster([HEADER, ...rows], units)).message).toContain('最多导入 5000 户')
  })
})

describe('member names', () => {
  it('When names are separated by 、 , ， ; or spaces, then each name comes out once in order', () => {
    expect(splitMemberNames(' 张三、李四,王五，赵六；钱七 孙八 ')).toEqual(['张三', '李四', '王五', '赵六', '钱七', '孙八'])
  })
})
