import { bandFor, bandsProblem, formatPercentagePoints, parsePercentagePoints, termsSentence, type TermsBand } from './bank-terms'

const bands: TermsBand[] = [
  { minPoints: 100, discountBp: 10, creditLineFen: 5_000_000 },
  { minPoints: 200, discountBp: 20, creditLineFen: 10_000_000 },
  { minPoints: 300, discountBp: 30, creditLineFen: 20_000_000 },
]

describe('bank terms', () => {
  it('When points reach a band, then the highest band reached applies; below the first, none', () => {
    expect(bandFor(bands, 99)).toBeNull()
    expect(bandFor(bands, 100)?.discountBp).toBe(10)
    expect(bandFor(bands, 299)?.discountBp).toBe(20)
    expect(bandFor(bands, 5000)?.discountBp).toBe(30)
  })

  it('When basis points are shown, then they read as percentage points without a float', () => {
    expect([0, 5, 10, 30, 100, 125, 250].map(formatPercentagePoints)).toEqual(['0', '0.05', '0.1', '0.3', '1', '1.25', '2.5'])
  })

  it('When an officer types percentage points, then they become whole basis points, and back', () => {
    expect(['0.1', '0.15', '1', ' 0.3 '].map(parsePercentagePoints)).toEqual([10, 15, 100, 30])
    expect(['0.125', '-1', '一点', ''].map(parsePercentagePoints)).toEqual([null, null, null, null])
    for (const bp of [0, 5, 10, 15, 30, 100, 125]) expect(parsePercentagePoints(formatPercentagePoints(bp))).toBe(bp)
  })

  it('When the villager reads the terms beside the certificate, then the sentence says what the household gets', () => {
    expect(termsSentence(bands, 312, 'thisYear')).toBe('按本行现行规则，您家可享受利率优惠 0.3 个百分点，授信额度最高 200,000.00 元')
    expect(termsSentence(bands, 40, 'lastYear')).toBe('按本行现行规则，上一年积分满 100 分起享受优惠，您家现在是 40 分')
  })

  it('When bands do not rise, then they are refused in plain words', () => {
    expect(bandsProblem(bands)).toBeNull()
    expect(bandsProblem([])).toBe('请至少填一档')
    expect(bandsProblem([bands[1], bands[0]])).toBe('第 2 档的起点积分要高于第 1 档')
    expect(bandsProblem([bands[0], { ...bands[1], discountBp: 5 }])).toBe('第 2 档的优惠和额度不能低于第 1 档')
  })
})
