import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

const E2E = path.resolve(__dirname, '../tests/e2e')

/** The calls a journey file makes at its top level (column 0) that open tests: describe…, it…, test…. */
function topLevelTestCalls(source: string): string[] {
  return [...source.matchAll(/^(describe\w*|it|test)\b[.\w]*\(/gm)].map((m) => m[0])
}

describe('the e2e journeys', () => {
  const journeys = readdirSync(E2E).filter((name) => name.endsWith('.e2e.ts'))

  it('When the journey files are listed, then there are some (the folder has not moved)', () => {
    expect(journeys.length).toBeGreaterThan(5)
  })

  it('When a journey file opens its tests, then it does so with describeInBrowser, so that without Chromium it is skipped instead of failing', () => {
    const wrong = journeys.flatMap((name) => {
      const calls = topLevelTestCalls(readFileSync(path.join(E2E, name), 'utf8'))
      if (calls.length === 0) return [`${name}: no describeInBrowser(`]
      return calls.filter((call) => call !== 'describeInBrowser(').map((call) => `${name}: ${call}`)
    })
    expect(wrong).toEqual([])
  })

  it('When the check reads a file, then it tells describeInBrowser from describe, describe.each, it and test at the top level', () => {
    const source = [
      "describeInBrowser('a journey', () => {",
      "  describe('nested is fine', () => {})",
      '})',
      "describe('plain', () => {})",
      "describe.each([1])('each %s', () => {})",
      "it('bare', () => {})",
      "test.skip('bare', () => {})",
    ].join('\n')
    expect(topLevelTestCalls(source)).toEqual(['describeInBrowser(', 'describe(', 'describe.each(', 'it(', 'test.skip('])
  })
})
