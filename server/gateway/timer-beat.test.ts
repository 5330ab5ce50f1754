import { startTimerBeat } from './timer-beat'

describe("the local gateway's timer beat", () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-12-07T00:03:20Z') }))
  afterEach(() => jest.useRealTimers())

  it("When the gateway starts at 08:03:20, then the timer runs at 08:10:00 and every ten minutes after, as WeChat's trigger does; a failed tick does not stop it; stop ends it", async () => {
    const ticks: string[] = []
    const beat = startTimerBeat(async (now) => {
      ticks.push(now.toISOString())
      if (ticks.length === 2) throw new Error('database busy')
    })
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    await jest.advanceTimersByTimeAsync(6 * 60_000 + 39_000)
    expect(ticks).toEqual([])
    await jest.advanceTimersByTimeAsync(30 * 60_000)
    expect(ticks).toEqual(['2026-12-07T00:10:00.000Z', '2026-12-07T00:20:00.000Z', '2026-12-07T00:30:00.000Z'])
    expect(spy).toHaveBeenCalledTimes(1)
    beat.stop()
    await jest.advanceTimersByTimeAsync(60 * 60_000)
    expect(ticks).toHaveLength(3)
    spy.mockRestore()
  })
})
