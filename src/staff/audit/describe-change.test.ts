import { describeChange } from './describe-change'

describe('an audit record in words', () => {
  it('When a staff code is recorded, then the role and the code tail read in Chinese', () => {
    expect(describeChange({ role: 'cadre', tail: 'K7', handOver: false })).toBe('岗位：村干部，工作码尾号：K7，换人：否')
  })

  it('When an import is recorded, then the lists are joined and nothing is shown for no change', () => {
    expect(describeChange({ created: ['1组', '第一网格'], moved: [] })).toBe('新增：1组、第一网格，换网格：无')
    expect(describeChange(null)).toBe('')
  })
})
