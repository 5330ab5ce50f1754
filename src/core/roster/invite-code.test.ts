import fc from 'fast-check'
import { formatInviteCode, INVITE_ALPHABET, inviteCodeFrom, inviteCodeTail, looksLikeInviteCode, normaliseInviteCode } from './invite-code'

describe('invite codes', () => {
  it('When codes are made from any random bytes, then each has 8 characters from the alphabet only', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.uint8Array({ minLength: 16, maxLength: 16 }), (first, second) => {
        let call = 0
        const code = inviteCodeFrom(() => (call++ === 0 ? first : second.map((b) => b % 248)))
        expect(code).toHaveLength(8)
        expect(looksLikeInviteCode(code)).toBe(true)
      }),
    )
  })

  it('When the alphabet is read, then it holds none of the look-alikes 0 O 1 I L', () => {
    expect([...INVITE_ALPHABET].filter((c) => '0O1IL'.includes(c))).toEqual([])
    expect(new Set(INVITE_ALPHABET).size).toBe(INVITE_ALPHABET.length)
  })

  it('When bytes at or above 248 come, then they are skipped so every letter is equally likely', () => {
    const bytes = Uint8Array.from([248, 255, 0, 1, 2, 3, 4, 5, 6, 30, 31, 32, 33, 34, 35, 36])
    expect(inviteCodeFrom(() => bytes)).toBe('2345678Z')
  })

  it('When a villager types a code in lower case, with spaces, a dash or full-width letters, then it reads as the code', () => {
    expect(normaliseInviteCode(' abcd-efgh ')).toBe('ABCDEFGH')
    expect(normaliseInviteCode('ＡＢＣＤ ＥＦＧＨ')).toBe('ABCDEFGH')
    expect(looksLikeInviteCode('ABCD0FGH')).toBe(false)
    expect(looksLikeInviteCode('ABCDEFG')).toBe(false)
  })

  it('When a code is shown, then it is split in two groups of four; its tail is the last two characters', () => {
    expect(formatInviteCode('ABCDEFGH')).toBe('ABCD EFGH')
    expect(inviteCodeTail('ABCDEFGH')).toBe('GH')
  })

  it('When a code is made from known bytes, then it is the code the cloud has always made from them', () => {
    const known = Uint8Array.from([0, 31, 32, 100, 200, 255, 7, 13, 250, 1, 2, 3, 4, 5, 6, 7])
    expect(inviteCodeFrom(() => known)).toBe('2239G9F3')
  })
})
