import { AppError } from './errors'
import { checkTree } from './org-tree-rows'

const header = ['类型', '名称', '所属网格']

describe('a village tree from a spreadsheet', () => {
  it('When groups, grids and their micro-grids are listed, then every row becomes a unit with its grid', () => {
    const check = checkTree([header, ['村民小组', '1组', ''], ['网格', '第一网格', ''], ['微网格', '第一网格1号微网格', '第一网格'], ['积分超市', '村积分超市', '']], [])
    expect(check.problems).toEqual([])
    expect(check.rows).toEqual([
      { line: 2, kind: 'villager_group', name: '1组', grid: null },
      { line: 3, kind: 'grid', name: '第一网格', grid: null },
      { line: 4, kind: 'micro_grid', name: '第一网格1号微网格', grid: '第一网格' },
      { line: 5, kind: 'shop', name: '村积分超市', grid: null },
    ])
  })

  it('When a micro-grid names a grid the village already has, then it is accepted without the grid in the file', () => {
    expect(checkTree([header, ['微网格', '二号', '第二网格']], ['第二网格']).rows).toHaveLength(1)
  })

  it('When rows are bad, then each comes back with every reason and the good rows still pass', () => {
    const check = checkTree(
      [header, ['小队', '', ''], ['微网格', '孤儿微网格', ''], ['微网格', '错网格', '第九网格'], ['组', '2组', '第一网格'], ['组', '3组', ''], ['组', '3组', '']],
      [],
    )
    expect(check.rows).toEqual([])
    expect(check.problems.map((p) => [p.line, p.reasons])).toEqual([
      [2, ['类型“小队”不对，应为 村民小组、网格、微网格 或 积分超市', '缺少名称']],
      [3, ['微网格要填所属网格']],
      [4, ['没有叫“第九网格”的网格']],
      [5, ['只有微网格要填所属网格']],
      [6, ['名称“3组”重复（第 6、7 行）']],
      [7, ['名称“3组”重复（第 6、7 行）']],
    ])
  })

  it('When the header lacks 类型 or 名称, then the whole file is refused plainly', () => {
    expect(() => checkTree([['名字'], ['1组']], [])).toThrow(AppError)
    expect(() => checkTree([['名字'], ['1组']], [])).toThrow('表格第一行要有“类型”“名称”两列（微网格另填“所属网格”）')
  })
})
