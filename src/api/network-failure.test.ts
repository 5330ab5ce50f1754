import { isEnvelope, networkFailure } from './network-failure'

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
