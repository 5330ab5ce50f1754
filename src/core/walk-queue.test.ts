import type { Envelope } from './contracts/envelope'
import type { SubmitInput, SubmitResult } from './contracts/score'
import { refusedHousehold, retriedWalk } from './walk-fixes'
import { addWalk, parseWalkQueue, sendWalks, type QueuedWalk, type WalkQueue } from './walk-queue'

const walk = (requestId: string, extra: Partial<QueuedWalk> = {}): QueuedWalk => ({
  requestId,
  orgId: 'mg-zjq-1-1',
  observedAt: '2026-11-30T15:50:00.000Z',
  rule: { id: 7, code: 'env-tidy', title: '房前屋后整洁有序', points: 2 },
  households: [
    { id: 'h-zjq-01', name: '张建国', houseNo: '1' },
    { id: 'h-zjq-02', name: '李秀英', houseNo: '2' },
  ],
  note: '门口扫得很干净',
  photos: [{ localPath: 'wxfile://tmp/a.jpg', size: 1200, fileId: null }],
  refusal: null,
  ...extra,
})

/** A sender over an in-memory queue, answering uploads and submits as told. */
function senderOf(queue: WalkQueue, submit: (input: SubmitInput) => Envelope<SubmitResult>, upload: () => Envelope<{ fileId: string }> = () => ({ ok: true, data: { fileId: 'cloud://evidence/a.jpg' } })) {
  const sent: SubmitInput[] = []
  let stored = queue
  return {
    sent,
    stored: () => stored,
    sender: {
      read: () => stored,
      write: (next: WalkQueue) => (stored = next),
      upload: async () => upload(),
      submit: async (input: SubmitInput) => {
        sent.push(input)
        return submit(input)
      },
    },
  }
}

const applied = (input: SubmitInput): Envelope<SubmitResult> => ({
  ok: true,
  data: { requestId: input.requestId, rule: { id: input.ruleId, title: '', points: 2 }, results: [] },
})

describe('the queue as kept in storage', () => {
  it('When storage holds junk, a walk without households, a bad time or a repeated requestId, then only the well-formed walks are kept, once', () => {
    const good = walk('r-1')
    const stored: unknown[] = [good, null, 'walk', { ...walk('r-2'), households: [] }, { ...walk('r-3'), observedAt: 'yesterday' }, { ...walk('r-4'), rule: { id: '7' } }, good]
    expect(parseWalkQueue(stored)).toEqual([good])
    expect(parseWalkQueue('{"not":"a list"}')).toEqual([])
    expect(parseWalkQueue(undefined)).toEqual([])
  })

  it('When the same finished walk is added twice, then it waits once', () => {
    expect(addWalk(addWalk([], walk('r-1')), walk('r-1'))).toHaveLength(1)
  })
})

describe('sending', () => {
  it('When the network is back, then the photo is uploaded first and the submit carries its file id, the observed time and the requestId made at the finish', async () => {
    const phone = senderOf([walk('r-1')], applied)
    const report = await sendWalks(phone.sender)
    expect(report.applied).toHaveLength(1)
    expect(phone.sent).toEqual([
      { requestId: 'r-1', householdIds: ['h-zjq-01', 'h-zjq-02'], ruleId: 7, observedAt: '2026-11-30T15:50:00.000Z', note: '门口扫得很干净', photos: ['cloud://evidence/a.jpg'] },
    ])
    expect(phone.stored()).toEqual([])
  })

  it('When the network is off, then nothing leaves the queue and it reports offline', async () => {
    const phone = senderOf([walk('r-1')], applied, () => ({ ok: false, error: { code: 'INTERNAL', message: '网络不通，请稍后再试' } }))
    expect(await sendWalks(phone.sender)).toEqual({ applied: [], refused: 0, offline: true })
    expect(phone.stored()).toEqual([walk('r-1')])
  })

  it('When the server refuses one walk, then it stays with the refusal and the next walk is still sent', async () => {
    const refusal = { code: 'FORBIDDEN' as const, message: '李秀英家不在您负责的范围内' }
    const phone = senderOf([walk('r-1'), walk('r-2', { photos: [] })], (input) => (input.requestId === 'r-1' ? { ok: false, error: refusal } : applied(input)))
    const report = await sendWalks(phone.sender)
    expect(report.refused).toBe(1)
    expect(phone.stored().map((w) => [w.requestId, w.refusal])).toEqual([['r-1', refusal]])
    // A refused walk is not sent again by itself.
    expect((await sendWalks(phone.sender)).applied).toEqual([])
  })
})

describe('fixing a refused walk', () => {
  const refused = walk('r-1', { refusal: { code: 'LIMIT_REACHED', message: '李秀英家“房前屋后整洁有序”本月已经评过 1 次了' } })

  it('When the refusal names a household, then that household is the one shown as refused', () => {
    expect(refusedHousehold(refused)?.id).toBe('h-zjq-02')
    expect(refusedHousehold(walk('r-1', { refusal: { code: 'RULE_OUTDATED', message: '这条细则已经更新了' } }))).toBeNull()
  })

  it('When the leader drops the refused household, then the rest waits again under a new requestId; dropping the last drops the walk', () => {
    const [again] = retriedWalk([refused], 'r-1', 'r-1b', { dropHouseholdId: 'h-zjq-02' })
    expect(again).toMatchObject({ requestId: 'r-1b', refusal: null, households: [{ id: 'h-zjq-01' }] })
    expect(retriedWalk([again], 'r-1b', 'r-1c', { dropHouseholdId: 'h-zjq-01' })).toEqual([])
  })

  it('When the leader scores again under the republished rule, then the walk waits with the new rule, the same households and a new requestId', () => {
    const rule = { id: 19, code: 'env-tidy', title: '房前屋后整洁有序', points: 3 }
    expect(retriedWalk([refused], 'r-1', 'r-1b', { rule })).toEqual([{ ...refused, requestId: 'r-1b', rule, refusal: null }])
  })
})
