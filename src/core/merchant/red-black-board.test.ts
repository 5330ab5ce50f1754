import { boardStanding, type BoardFacts, type BoardNotice } from './red-black-board'
import { starsFor, starTermsProblem } from './star-terms'

const terms = { blackLine: -20, redMinStars: 4 }
const at = (day: string) => new Date(`${day}T02:00:00Z`)
const foodSafety = (opened: string, deadline: string, closed: string | null): BoardNotice => ({
  ruleTitle: '食品安全检查不合格',
  openedAt: at(opened),
  deadline: at(deadline),
  closedAt: closed ? at(closed) : null,
})
const fourStars = { stars: 4, ratedAt: at('2026-11-30') }

describe('红黑榜: where a merchant stands', () => {
  it('When a four-star merchant has an open food-safety notice, then it is on the black list with the reason and the day it began, not on the red', () => {
    const facts: BoardFacts = { notices: [foodSafety('2026-12-02', '2026-12-09', null)], balances: [{ at: at('2026-12-02'), balance: -10 }], rating: fourStars }
    const standing = boardStanding(facts, terms, at('2026-12-05'))
    expect(standing).toMatchObject({ list: 'black', since: '2026-12-02' })
    expect(standing.list === 'black' && standing.reasons[0].text).toBe('食品安全检查不合格：整改中，限 2026-12-09 10:00 前')
  })

  it('When the deadline has passed, then the reason says it is overdue', () => {
    const standing = boardStanding({ notices: [foodSafety('2026-12-02', '2026-12-09', null)], balances: [], rating: null }, terms, at('2026-12-10'))
    expect(standing.list === 'black' && standing.reasons[0].text).toContain('逾期未整改')
  })

  it('When the notice is rectified, then the merchant leaves the black list by itself, on that day, and is red again from then', () => {
    const facts: BoardFacts = { notices: [foodSafety('2026-12-02', '2026-12-09', '2026-12-06')], balances: [], rating: fourStars }
    expect(boardStanding(facts, terms, at('2026-12-07'))).toEqual({
      list: 'red',
      since: '2026-12-06',
      reasons: [{ text: '星级评比 4 星，没有待整改的问题', since: '2026-12-06' }],
    })
    expect(boardStanding({ ...facts, rating: { stars: 3, ratedAt: at('2026-11-30') } }, terms, at('2026-12-07'))).toEqual({ list: null, leftBlackOn: '2026-12-06' })
  })

  it('When the balance falls below the published line, then it is black from the entry that took it below until one lifts it', () => {
    const balances = [
      { at: at('2026-10-01'), balance: -10 },
      { at: at('2026-10-15'), balance: -25 },
      { at: at('2026-10-20'), balance: -30 },
      { at: at('2026-11-03'), balance: -15 },
    ]
    expect(boardStanding({ notices: [], balances, rating: null }, terms, at('2026-10-25'))).toMatchObject({ list: 'black', since: '2026-10-15' })
    expect(boardStanding({ notices: [], balances, rating: null }, terms, at('2026-11-05'))).toEqual({ list: null, leftBlackOn: '2026-11-03' })
  })

  it('When nothing ever went wrong and the rating is below the red line, then it is on neither list', () => {
    expect(boardStanding({ notices: [], balances: [{ at: at('2026-10-01'), balance: 5 }], rating: { stars: 3, ratedAt: at('2026-11-30') } }, terms, at('2026-12-01'))).toEqual({ list: null, leftBlackOn: null })
  })
})

describe('star terms', () => {
  const bands = [
    { minPoints: 5, stars: 3 },
    { minPoints: 10, stars: 4 },
    { minPoints: 20, stars: 5 },
  ]
  it('When points meet a band, then they get its stars; below the first, none', () => {
    expect([0, 5, 9, 10, 25].map((p) => starsFor(bands, p))).toEqual([0, 3, 3, 4, 5])
  })

  it('When bands do not rise, or none reaches the red list, then the terms are refused with why', () => {
    expect(starTermsProblem({ windowMonths: 3, bands, redMinStars: 4, blackLine: -20 })).toBeNull()
    expect(starTermsProblem({ windowMonths: 3, bands: [bands[1], bands[0]], redMinStars: 4, blackLine: -20 })).toBe('第 2 档的起点积分要高于第 1 档')
    expect(starTermsProblem({ windowMonths: 3, bands: [{ minPoints: 5, stars: 3 }], redMinStars: 4, blackLine: -20 })).toBe('没有哪一档能达到上红榜要的 4 星')
  })
})
