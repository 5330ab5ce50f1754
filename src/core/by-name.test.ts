import { byName } from './by-name'

const sorted = (names: string[]) => [...names].sort(byName)

describe('byName: the order people look names up in', () => {
  it.each([
    ['villages by pinyin', ['赵家桥村', '通界村', '新仓村'], ['通界村', '新仓村', '赵家桥村']],
    ['numbers in digits by value', ['10组', '2组', '1组'], ['1组', '2组', '10组']],
    ['Chinese ordinals by value', ['第十网格', '第二网格', '第三网格', '第一网格', '第十一网格'], ['第一网格', '第二网格', '第三网格', '第十网格', '第十一网格']],
    ['Chinese counts before 组 by value', ['十二组', '三组', '二十组', '一组'], ['一组', '三组', '十二组', '二十组']],
    ['micro-grids of a grid', ['第二网格1号微网格', '第一网格2号微网格', '第一网格1号微网格'], ['第一网格1号微网格', '第一网格2号微网格', '第二网格1号微网格']],
    ['hundreds', ['一百零五号', '九十九号', '一百一十号'], ['九十九号', '一百零五号', '一百一十号']],
    ['a numeral inside a word keeps its pinyin place', ['三星村', '八一村', '赵家桥村'], ['八一村', '三星村', '赵家桥村']],
  ])('%s', (_, names, expected) => {
    expect(sorted(names)).toEqual(expected)
  })

  it('When the same number is written two ways, then the order is still fixed (1组 and 一组 are not equal)', () => {
    expect(byName('1组', '一组')).not.toBe(0)
    expect(Math.sign(byName('1组', '一组'))).toBe(-Math.sign(byName('一组', '1组')))
  })
})
