import { formatYuan, parseYuan } from './money'

describe('yuan shown from fen', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [123_456, '1,234.56'],
    [56_160_000, '561,600.00'],
    [-1_050, '-10.50'],
  ])('When %d fen are shown, then they read %s', (fen, text) => {
    expect(formatYuan(fen)).toBe(text)
  })

  it.each([
    ['561600', 56_160_000],
    ['93,600.5', 9_360_050],
    ['0.07', 7],
  ])('When "%s" 元 is typed, then it is %d fen', (text, fen) => {
    expect(parseYuan(text)).toBe(fen)
  })

  it.each(['', '1.234', '-5', '五百'])('When "%s" is typed, then it is not an amount', (text) => {
    expect(parseYuan(text)).toBeNull()
  })
})
