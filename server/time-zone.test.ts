import { execFileSync } from 'node:child_process'

describe('the server process time zone', () => {
  it('When the server runs in a zone with daylight saving, then a Shanghai month still ends at 16:00 UTC', () => {
    // Jest keeps process.env per test file, so the zone is set on a separate Node process.
    const script = "const { periodRange } = require('./src/core/period.ts'); console.log(JSON.stringify([periodRange('2026-11'), periodRange('2026-03-08')]))"
    const output = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], {
      env: { ...process.env, TZ: 'America/New_York' }, // DST ends there on 2026-11-01, starts on 2026-03-08
      encoding: 'utf8',
    })
    expect(JSON.parse(output)).toEqual([
      { from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z' },
      { from: '2026-03-07T16:00:00.000Z', to: '2026-03-08T16:00:00.000Z' },
    ])
  })
})
