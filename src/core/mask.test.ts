import { maskName } from './mask'

describe('masked names in public lists', () => {
  it('When a name is shown publicly, then only the surname is left', () => {
    expect(maskName('张建国')).toBe('张**')
    expect(maskName('李秀英')).toBe('李**')
  })

  it('When a name has two characters, then one star hides the given name', () => {
    expect(maskName('周丽')).toBe('周*')
  })

  it('When a name is a single character or empty, then nothing private is left either', () => {
    expect(maskName('王')).toBe('王*')
    expect(maskName('  ')).toBe('')
  })
})
