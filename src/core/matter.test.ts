import fc from 'fast-check'
import { isMatterClosed, nextMatterState, NEW_MATTER, shownMatterStatus, type MatterAction, type MatterState, type MatterStatus } from './matter'
import { matterNumbers } from './matter-numbers'
import { matterStandings, mayTakeMatterStep, type MatterPlace } from './matter-policy'
import type { Grant } from './policy'

const DAY = 24 * 3600 * 1000
const t0 = new Date('2026-11-24T02:00:00Z')
const later = (days: number) => new Date(t0.getTime() + days * DAY)

function run(actions: MatterAction[], now = t0): MatterState {
  return actions.reduce((state, action) => {
    const next = nextMatterState(state, action, now)
    if (!next.ok) throw new Error(next.reason)
    return next.state
  }, NEW_MATTER)
}

/** Which statuses each status may move to: the closed loop, drawn as a table. */
const ALLOWED: Record<MatterStatus, readonly MatterStatus[]> = {
  collected: ['accepted', 'merged', 'declined'],
  accepted: ['assigned'],
  assigned: ['assigned', 'in_progress', 'answered'],
  in_progress: ['assigned', 'in_progress', 'answered'],
  answered: ['rated', 'in_progress'],
  rated: [],
  merged: [],
  declined: [],
}

describe('matter state machine (连心议站)', () => {
  it('When a matter goes the whole loop, then it ends 已评价 with the rating', () => {
    const state = run([
      { type: 'accept' },
      { type: 'assign', to: 'cadre', dueAt: later(7) },
      { type: 'progress' },
      { type: 'feedback' },
      { type: 'rate', rating: 'satisfied' },
    ])
    expect(state).toMatchObject({ status: 'rated', rating: 'satisfied', reopened: 0, assignee: 'cadre' })
  })

  it('When the resident rates 不满意 the first time, then it reopens to 办理中; the second 不满意 closes it', () => {
    const answered = run([{ type: 'accept' }, { type: 'assign', to: 'street', dueAt: later(7) }, { type: 'feedback' }])
    const first = nextMatterState(answered, { type: 'rate', rating: 'unsatisfied' }, t0)
    expect(first).toMatchObject({ ok: true, reopens: true, state: { status: 'in_progress', reopened: 1 } })
    if (!first.ok) throw new Error()
    const answeredAgain = nextMatterState(first.state, { type: 'feedback' }, t0)
    if (!answeredAgain.ok) throw new Error()
    expect(nextMatterState(answeredAgain.state, { type: 'rate', rating: 'unsatisfied' }, t0)).toMatchObject({
      ok: true,
      reopens: false,
      state: { status: 'rated', rating: 'unsatisfied' },
    })
  })

  it('When the due date passes while it is handled, then it shows 逾期; an extension with a later date clears it', () => {
    const assigned = run([{ type: 'accept' }, { type: 'assign', to: 'cadre', dueAt: later(3) }])
    expect(shownMatterStatus(assigned, later(2))).toBe('assigned')
    expect(shownMatterStatus(assigned, later(4))).toBe('overdue')
    expect(nextMatterState(assigned, { type: 'extend', dueAt: later(2) }, later(1))).toMatchObject({ ok: false })
    const extended = nextMatterState(assigned, { type: 'extend', dueAt: later(10) }, later(4))
    if (!extended.ok) throw new Error()
    expect(shownMatterStatus(extended.state, later(4))).toBe('assigned')
  })

  it('When a matter is declined or merged, then no step is taken on it any more', () => {
    for (const closing of ['decline', 'merge'] as const) {
      const closed = run([{ type: closing }])
      expect(nextMatterState(closed, { type: 'accept' }, t0)).toMatchObject({ ok: false })
      expect(nextMatterState(closed, { type: 'feedback' }, t0)).toMatchObject({ ok: false })
    }
  })

  it('When any sequence of steps and clock moves happens, then every move is in the loop, it reopens at most once, and nothing leaves a closed state', () => {
    const action: fc.Arbitrary<MatterAction | { type: 'tick'; days: number }> = fc.oneof(
      fc.constant({ type: 'accept' as const }),
      fc.constant({ type: 'merge' as const }),
      fc.constant({ type: 'decline' as const }),
      fc.record({ type: fc.constant('assign' as const), to: fc.constantFrom('cadre' as const, 'street' as const), dueAt: fc.integer({ min: -3, max: 20 }).map(later) }),
      fc.constant({ type: 'progress' as const }),
      fc.record({ type: fc.constant('extend' as const), dueAt: fc.integer({ min: -3, max: 30 }).map(later) }),
      fc.constant({ type: 'feedback' as const }),
      fc.record({ type: fc.constant('rate' as const), rating: fc.constantFrom('satisfied' as const, 'fair' as const, 'unsatisfied' as const) }),
      fc.integer({ min: 0, max: 5 }).map((days) => ({ type: 'tick' as const, days })),
    )
    fc.assert(
      fc.property(fc.array(action, { maxLength: 60 }), (actions) => {
        let now = t0
        let state = NEW_MATTER
        let reopens = 0
        for (const a of actions) {
          if (a.type === 'tick') {
            now = new Date(now.getTime() + a.days * DAY)
            continue
          }
          const next = nextMatterState(state, a, now)
          if (isMatterClosed(state.status)) expect(next.ok).toBe(false)
          if (!next.ok) continue
          if (next.state.status !== state.status) expect(ALLOWED[state.status]).toContain(next.state.status)
          if (next.reopens) reopens++
          if (next.state.dueAt !== null) expect(next.state.dueAt.getTime() >= (state.dueAt?.getTime() ?? 0) || a.type === 'assign').toBe(true)
          state = next.state
        }
        expect(reopens).toBe(state.reopened)
        expect(reopens).toBeLessThanOrEqual(1)
        if (state.status === 'rated') expect(state.rating).not.toBeNull()
      }),
    )
  })
})

const grant = (role: Grant['role'], path: string): Grant => ({ role, org: { id: path.split('/').at(-2)!, name: 'x', kind: 'village', path } })
const place: MatterPlace = { villagePath: '/st/v-zjq/', microGridPath: '/st/v-zjq/gr-1/mg-1/', householdId: 'h-1', assignee: null }

describe('who may take each step of a matter', () => {
  it('When the leader of the matter\'s micro-grid assesses it, then he may; the leader of a sibling micro-grid may not', () => {
    const own = matterStandings([grant('grid_leader', '/st/v-zjq/gr-1/mg-1/')], null, place)
    const sibling = matterStandings([grant('grid_leader', '/st/v-zjq/gr-1/mg-2/')], null, place)
    expect(mayTakeMatterStep(own, 'accept', null)).toBe(true)
    expect(mayTakeMatterStep(sibling, 'accept', null)).toBe(false)
    expect(mayTakeMatterStep(own, 'rate', null)).toBe(false)
  })

  it('When a cadre of another village or a clerk tries a step, then they may not', () => {
    expect(matterStandings([grant('cadre', '/st/v-tj/')], null, place)).toEqual([])
    expect(matterStandings([grant('shop_clerk', '/st/v-zjq/shop/')], null, place)).toEqual([])
  })

  it('When the street\'s admin acts, then only on a matter escalated to the street', () => {
    const admin = matterStandings([grant('admin', '/st/')], null, place)
    expect(mayTakeMatterStep(admin, 'feedback', 'cadre')).toBe(false)
    expect(mayTakeMatterStep(admin, 'feedback', 'street')).toBe(true)
    expect(mayTakeMatterStep(admin, 'accept', 'street')).toBe(false)
  })

  it('When the raiser\'s household rates, then it may; a neighbour may not', () => {
    expect(mayTakeMatterStep(matterStandings([], 'h-1', place), 'rate', 'cadre')).toBe(true)
    expect(mayTakeMatterStep(matterStandings([], 'h-2', place), 'rate', 'cadre')).toBe(false)
  })
})

describe('numbers of matters', () => {
  it('When matters are counted, then raised, closed, median days to feedback, satisfaction and overdue come out as a cadre would count them', () => {
    const numbers = matterNumbers(
      [
        { status: 'rated', dueAt: later(5), raisedAt: t0, firstFeedbackAt: later(2), rating: 'satisfied' },
        { status: 'rated', dueAt: later(5), raisedAt: t0, firstFeedbackAt: later(4), rating: 'unsatisfied' },
        { status: 'answered', dueAt: later(5), raisedAt: t0, firstFeedbackAt: later(9), rating: null },
        { status: 'assigned', dueAt: later(1), raisedAt: t0, firstFeedbackAt: null, rating: null },
        { status: 'declined', dueAt: null, raisedAt: t0, firstFeedbackAt: null, rating: null },
        { status: 'collected', dueAt: null, raisedAt: t0, firstFeedbackAt: null, rating: null },
      ],
      later(3),
    )
    expect(numbers).toEqual({ raised: 6, closed: 3, medianDaysToFeedback: 4, rated: 2, satisfaction: 0.5, overdue: 1 })
  })
})
