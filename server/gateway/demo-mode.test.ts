import { demoSettings } from './demo-mode'
import { StartRefusal } from './start-refusal'

describe('demo mode only when asked for', () => {
  it.each([[undefined], ['0'], ['false'], ['off'], ['true'], ['yes'], ['']])(
    'When DEMO is %p, then there are no demo identities and no demo village',
    (value) => {
      expect(demoSettings({ DEMO: value })).toEqual({ demoMode: false, seedDemo: false })
    },
  )

  it('When DEMO=1 on the embedded database, then demo identities and the demo village', () => {
    expect(demoSettings({ DEMO: '1' })).toEqual({ demoMode: true, seedDemo: true })
    expect(demoSettings({ DEMO: '1', DEMO_SEED: '0' })).toEqual({ demoMode: true, seedDemo: false })
  })

  it('When DEMO=1 with a DATABASE_URL, then the start is refused unless DEMO_ON_DATABASE_URL=1 says so too', () => {
    const url = 'postgres://somewhere/street'
    expect(() => demoSettings({ DEMO: '1', DATABASE_URL: url })).toThrow(StartRefusal)
    expect(() => demoSettings({ DEMO: '1', DATABASE_URL: url })).toThrow(/DEMO_ON_DATABASE_URL=1/)
    expect(() => demoSettings({ DEMO: '1', DATABASE_URL: url, DEMO_ON_DATABASE_URL: 'true' })).toThrow(StartRefusal)
    expect(demoSettings({ DEMO: '1', DATABASE_URL: url, DEMO_ON_DATABASE_URL: '1' }).demoMode).toBe(true)
    expect(demoSettings({ DATABASE_URL: url }).demoMode).toBe(false)
  })
})
