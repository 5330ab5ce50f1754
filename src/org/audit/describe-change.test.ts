import { describeChange, showsCodeTail } from './describe-change'

describe('an audit record in words', () => {
  it('When a staff code is recorded, then the role and the code tail read in Chinese', () => {
    expect(describeChange({ role: 'cadre', tail: 'K7', handOver: false })).toBe('岗位：村干部，工作码尾号：K7，换人：否')
  })

  it('When an import is recorded, then the lists are joined and nothing is shown for no change', () => {
    expect(describeChange({ created: ['1组', '第一网格'], moved: [] })).toBe('新增：1组、第一网格，换网格：无')
    expect(describeChange(null)).toBe('')
  })

  it('When a bank publishes its terms, then the version, the day, the basis and each band read in Chinese', () => {
    expect(describeChange({ version: 2, effectiveFrom: '2026-12-01', basis: '本年积分', bands: ['本年积分满 100 分：利率优惠 0.1 个百分点'] })).toBe(
      '版本：2，生效日期：2026-12-01，按哪年的积分：本年积分，优惠档次：本年积分满 100 分：利率优惠 0.1 个百分点',
    )
  })

  it('When a bank officer is invited, then the role reads as 银行信贷员', () => {
    expect(describeChange({ role: 'bank_officer', tail: 'Q3', handOver: false })).toBe('岗位：银行信贷员，工作码尾号：Q3，换人：否')
  })

  it('When a record shows a staff code’s tail, then the page is told to explain 工作码尾号; a setting change or nothing is not', () => {
    expect(showsCodeTail({ role: 'cadre', tail: 'K7' })).toBe(true)
    expect(showsCodeTail({ rectifiedVisibleDays: 5 })).toBe(false)
    expect(showsCodeTail(null)).toBe(false)
  })
})
