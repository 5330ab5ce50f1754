import { maskName } from './mask'

describe('masked names in public lists', () => {
  it('When a name is shown publicly, then only the surname is left', () => {
    expect(maskName('张建国')).toBe('张**')
    expect(maskName('李秀英')).toBe('李**')
  })

  it('When a name has two characters, then one star hides the given name', () => {
    expect(maskName('周丽')).toBe('周*')
  })

  it('When the surname has two characters (复姓), then both stay and the given name is hidden', () => {
    expect(maskName('欧阳明华')).toBe('欧阳**')
    expect(maskName('司马光')).toBe('司马*')
    // Only the two characters alone: a full name in public would be no mask at all.
    expect(maskName('欧阳')).toBe('欧*')
    // An ordinary surname followed by a given name that happens to start alike is not a 复姓.
    expect(maskName('阳欧明')).toBe('阳**')
  })

  it('When a name is a single character or empty, then nothing private is left either', () => {
    expect(maskName('王')).toBe('王*')
    expect(maskName('  ')).toBe('')
  })
})
