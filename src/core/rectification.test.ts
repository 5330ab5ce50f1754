import fc from 'fast-check'
import { median, nextNoticeState, shownStatus, type NoticeAction, type NoticeState } from './rectification'

const DAY = 24 * 3600 * 1000
const t0 = new Date('2026-11-24T02:00:00Z')

describe('rectification notice state machine', () => {
  it('When proof is accepted, then the notice is 已整改 and the points come back', () => {
    const open: NoticeState = { status: 'open', deadline: new Date(t0.getTime() + 7 * DAY) }
    const proof = nextNoticeState(open, { type: 'submitProof' }, t0)
    expect(proof).toMatchObject({ ok: true, state: { status: 'proof_submitted' }, restores: false })
    if (!proof.ok) throw new Error()
    expect(nextNoticeState(proof.state, { type: 'accept' }, t0)).toMatchObject({ ok: true, state: { status: 'rectified' }, restores: true })
  })

  it('When the deadline passes, then the notice shows 逾期 and takes no proof until extended', () => {
    const open: NoticeState = { status: 'open', deadline: new Date(t0.getTime() + DAY) }
    const later = new Date(t0.getTime() + 2 * DAY)
    expect(shownStatus(open, later)).toBe('overdue')
    expect(nextNoticeState(open, { type: 'submitProof' }, later)).toMatchObject({ ok: false })
    const extended = nextNoticeState(open, { type: 'extend', deadline: new Date(later.getTime() + DAY) }, later)
    if (!extended.ok) throw new Error()
    expect(shownStatus(extended.state, later)).toBe('open')
  })

  it('When accepting twice, then the second is refused', () => {
    const proof: NoticeState = { status: 'proof_submitted', deadline: t0 }
    const first = nextNoticeState(proof, { type: 'accept' }, t0)
    if (!first.ok) throw new Error()
    expect(nextNoticeState(first.state, { type: 'accept' }, t0)).toMatchObject({ ok: false })
  })

  it('When any sequence of actions and clock moves happens, then 已整改 is reached exactly by one restoration and never left', () => {
    const action: fc.Arbitrary<NoticeAction | { type: 'tick'; days: number }> = fc.oneof(
      fc.constant({ type: 'submitProof' as const }),
      fc.constant({ type: 'accept' as const }),
      fc.constant({ type: 'reject' as const }),
      fc.constant({ type: 'withdraw' as const }),
      fc.integer({ min: -2, max: 10 }).map((days) => ({ type: 'extend' as const, deadline: new Date(t0.getTime() + days * DAY) })),
      fc.integer({ min: 0, max: 5 }).map((days) => ({ type: 'tick' as const, days })),
    )
    fc.assert(
      fc.property(fc.array(action, { maxLength: 40 }), (actions) => {
        let now = t0
        let state: NoticeState = { status: 'open', deadline: new Date(t0.getTime() + 3 * DAY) }
        let restorations = 0
        for (const a of actions) {
          if (a.type === 'tick') {
            now = new Date(now.getTime() + a.days * DAY)
            continue
          }
          const before = state.status
          const next = nextNoticeState(state, a.type === 'extend' ? { ...a, deadline: new Date(now.getTime() + (a.deadline.getTime() - t0.getTime())) } : a, now)
          if (!next.ok) continue
          if (next.restores) restorations++
          state = next.state
          if (before === 'rectified' || before === 'withdrawn') expect(state.status).toBe(before)
        }
        expect(restorations).toBe(state.status === 'rectified' ? 1 : 0)
      }),
    )
  })

  it('When times to rectify are summarised, then the median is the middle value', () => {
    expect(median([])).toBeNull()
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })
})
