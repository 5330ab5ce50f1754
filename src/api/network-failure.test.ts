import { isEnvelope, isRetryable, networkFailure, retryWhileBusy } from './network-failure'

describe('isEnvelope', () => {
  it('accepts the two shapes the backend answers', () => {
    expect(isEnvelope({ ok: true, data: null })).toBe(true)
    expect(isEnvelope({ ok: false, error: { code: 'FORBIDDEN', message: '您没有权限做这件事' } })).toBe(true)
  })

  it('rejects what a proxy, a crash or an empty body may give instead', () => {
    for (const value of [null, undefined, '', '<html>502</html>', {}, { ok: true }, { ok: false }, { ok: false, error: 'x' }, { ok: 'yes', data: 1 }]) {
      expect(isEnvelope(value)).toBe(false)
    }
  })

  it('networkFailure is an envelope with a plain Chinese message', () => {
    const failure = networkFailure()
    expect(isEnvelope(failure)).toBe(true)
    expect(failure).toEqual({ ok: false, error: { code: 'INTERNAL', message: '网络不通，请稍后再试' } })
  })
})

describe('a BUSY answer is sent again', () => {
  const busy = { ok: false as const, error: { code: 'BUSY' as const, message: '系统繁忙，请稍后再试' } }
  const refused = { ok: false as const, error: { code: 'FORBIDDEN' as const, message: '您没有权限做这件事' } }

  it('only BUSY is retryable: refusals, bad input and network failures are not', () => {
    expect(isRetryable(busy)).toBe(true)
    expect(isRetryable(refused)).toBe(false)
    expect(isRetryable(networkFailure())).toBe(false)
    expect(isRetryable({ ok: true, data: 1 })).toBe(false)
  })

  it('retries twice at most, after jittered growing waits, and hands on the last answer', async () => {
    const waits: number[] = []
    let calls = 0
    const answer = await retryWhileBusy(async () => (calls++, busy), async (ms) => void waits.push(ms), () => 0.5)
    expect(answer).toEqual(busy)
    expect(calls).toBe(3)
    expect(waits).toEqual([375, 1125])
  })

  it('stops at the first answer that is not BUSY, and never retries a refusal', async () => {
    const answers = [busy, { ok: true as const, data: 'done' }]
    let calls = 0
    expect(await retryWhileBusy(async () => answers[calls++], async () => undefined)).toEqual({ ok: true, data: 'done' })
    expect(calls).toBe(2)
    calls = 0
    expect(await retryWhileBusy(async () => (calls++, refused), async () => undefined)).toEqual(refused)
    expect(calls).toBe(1)
  })
})
