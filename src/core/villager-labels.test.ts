import type { LedgerLine, RuleView } from './contracts/score'
import { groupRulesByCategory, ruleLimitText, ruleTags } from './rule-labels'
import { actorText, canAppeal, myRankText, reversalText, noticeDueText, signedPoints } from './villager-labels'

const rule = (over: Partial<RuleView>): RuleView => ({
  id: 1,
  code: 'x',
  category: '人居环境',
  title: '房前屋后乱堆乱放',
  points: -5,
  monthlyLimit: null,
  yearlyLimit: null,
  evidenceRequired: false,
  restorable: false,
  claimable: false,
  rectifyDays: null,
  ...over,
})

const line = (over: Partial<LedgerLine>): LedgerLine => ({
  id: 7,
  kind: 'score',
  kindLabel: '评分',
  points: -5,
  balanceAfter: 95,
  createdAt: '2026-11-24T01:30:00Z',
  note: '',
  rule: { id: 1, title: '房前屋后乱堆乱放', category: '人居环境', version: 1 },
  scorer: null,
  photos: [],
  photosInCheck: 0,
  photoNote: null,
  reversedBy: null,
  reverses: null,
  appeal: null,
  notice: null,
  ...over,
})

describe('points in words', () => {
  it('When points are shown, then gains carry + and deductions a real minus sign', () => {
    expect(signedPoints(5)).toBe('+5')
    expect(signedPoints(-5)).toBe('−5')
    expect(signedPoints(0)).toBe('0')
  })
})

describe('rules as villagers read them', () => {
  it('When a rule has limits, then they read 每月最多 N 次 / 每年最多 N 次', () => {
    expect(ruleLimitText(rule({ monthlyLimit: 4 }))).toBe('每月最多 4 次')
    expect(ruleLimitText(rule({ monthlyLimit: 2, yearlyLimit: 10 }))).toBe('每月最多 2 次，每年最多 10 次')
    expect(ruleLimitText(rule({}))).toBeNull()
  })

  it('When a deduction needs a photo and can be given back, then its tags say so', () => {
    expect(ruleTags(rule({ evidenceRequired: true, restorable: true, rectifyDays: 7 }))).toEqual(['需拍照', '整改后可返还（7 天内）'])
    expect(ruleTags(rule({ points: 2, claimable: true, monthlyLimit: 10 }))).toEqual(['每月最多 10 次', '可自己申报'])
  })

  it('When rules are grouped, then categories keep their usual order and empty ones are left out', () => {
    const groups = groupRulesByCategory([
      rule({ id: 1, category: '疫情防控' }),
      rule({ id: 2, category: '人居环境' }),
      rule({ id: 3, category: '疫情防控' }),
    ])
    expect(groups.map((g) => [g.category, g.rules.map((r) => r.id)])).toEqual([
      ['人居环境', [2]],
      ['疫情防控', [1, 3]],
    ])
  })
})

describe('ledger lines', () => {
  it('When a line is a deduction not yet appealed or reversed, then it can be appealed', () => {
    expect(canAppeal(line({}))).toBe(true)
    expect(canAppeal(line({ points: 5 }))).toBe(false)
    expect(canAppeal(line({ appeal: { id: 1, status: 'pending' } }))).toBe(false)
    expect(canAppeal(line({ reversedBy: 9 }))).toBe(false)
    expect(canAppeal(line({ kind: 'score_reversal', reverses: 3 }))).toBe(false)
  })

  it('When a reversal line is shown, then it names the entry it corrects, in full when that line is loaded', () => {
    const corrected = line({ id: 7 })
    const reversal = line({ id: 9, kind: 'score_reversal', points: 5, reverses: 7, rule: null })
    expect(reversalText(reversal, corrected, () => '11-24')).toBe('更正 11-24 “房前屋后乱堆乱放” −5 分（编号 7）')
    expect(reversalText(reversal, undefined, () => '11-24')).toBe('更正编号 7 的那一笔')
    expect(reversalText(corrected, undefined, () => '11-24')).toBeNull()
  })
})

describe('who is named on a line', () => {
  it('When a line is a correction or a shop purchase, then the person is not called the scorer', () => {
    const grid = { name: '王卫东', org: { name: '第一网格1号微网格' } }
    expect(actorText('score', grid)).toBe('评分人：王卫东（第一网格1号微网格）')
    expect(actorText('restoration', grid)).toBe('评分人：王卫东（第一网格1号微网格）')
    expect(actorText('redemption', { name: '钱小红', org: { name: '赵家桥村积分超市' } })).toBe('兑换地点：赵家桥村积分超市（店员 钱小红）')
    expect(actorText('score', { name: '陈明华', org: null })).toBe('评分人：陈明华')
  })

  it('When a cadre corrects a grid leader’s score, then the cadre is not shown under the micro-grid the points came from', () => {
    expect(actorText('score_reversal', { name: '陈明华', org: { name: '第一网格1号微网格' } })).toBe('更正人：陈明华')
    expect(actorText('redemption_reversal', { name: '陈明华', org: null })).toBe('更正人：陈明华')
  })
})

describe('ranking', () => {
  it('When my household is on the list, then the summary gives its rank', () => {
    expect(myRankText({ rank: 1 })).toBe('我家排第 1 名')
    expect(myRankText(null)).toBeNull()
  })
})

describe('a notice deadline as its household reads it', () => {
  // Deadlines are instants; days are counted on Shanghai's calendar (UTC+8), whatever the clock's zone.
  const now = new Date('2026-12-06T15:30:00Z') // 23:30 on 12-06 in Shanghai
  it('When the deadline is tomorrow in Shanghai though under an hour away, then it reads 还有 1 天到期 (the issue\'s words), as it does tomorrow evening', () => {
    expect(noticeDueText('2026-12-06T16:10:00Z', now)).toBe('还有 1 天到期')
    expect(noticeDueText('2026-12-07T15:59:00Z', now)).toBe('还有 1 天到期')
  })
  it('When the deadline is later today, then 今天到期; once passed today, 已逾期; days later, 已逾期 N 天', () => {
    expect(noticeDueText('2026-12-06T15:50:00Z', now)).toBe('今天到期')
    expect(noticeDueText('2026-12-06T10:00:00Z', now)).toBe('已逾期')
    expect(noticeDueText('2026-12-03T10:00:00Z', now)).toBe('已逾期 3 天')
    expect(noticeDueText('2026-12-08T10:00:00Z', now)).toBe('还有 2 天到期')
  })
})
