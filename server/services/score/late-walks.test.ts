import { eq } from 'drizzle-orm'
import { dividendInputs } from '../../../src/core/contracts/dividend'
import { AppError } from '../../../src/core/errors'
import { localPlatform } from '../../platform/local/platform'
import type { Database } from '../../store/database'
import { dividendLines, households, scoreRecords } from '../../store/schema'
import { openDemoTestDatabase, ruleIdsByCode } from '../../test-support/test-database'
import { publishRun, saveDraft } from '../dividend/runs'
import { villageRanking } from './ranking'
import { submitScore } from './submit'

// A walk kept on the phone without signal reaches the server later than it was observed. README
// (Design notes: "Walks without signal") says it counts for the month and year it arrives in.

let database: Database
let ruleIds: Record<string, number>
let walks = 0

beforeAll(async () => {
  database = await openDemoTestDatabase()
  ruleIds = await ruleIdsByCode(database.db, 'rs-zjq')
})
afterAll(() => database.close())

/** A walk of one rule over households, by a scorer, observed at one time and arriving at another. */
function walk(openid: string, householdIds: string[], code: string, arrives: string, observed?: string) {
  return submitScore(
    database.db,
    openid,
    { sendSubscribeMessage: localPlatform.sendSubscribeMessage, startMediaCheck: null },
    { requestId: `late-walk-${++walks}`, householdIds, ruleId: ruleIds[code], ...(observed ? { observedAt: observed } : {}) },
    new Date(arrives),
  )
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    if (error instanceof AppError) return error.code
    throw error
  }
  throw new Error('expected a refusal')
}

/** A household's points in 赵家桥村's ranking for a month or year, as a cadre reads it. */
async function rankedPoints(householdId: string, period: string): Promise<number> {
  const ranking = await villageRanking(database.db, 'demo-cadre', { orgId: 'v-zjq', period, full: true })
  return ranking.all!.find((row) => row.householdId === householdId)!.points
}

const balanceOf = async (id: string) => (await database.db.select().from(households).where(eq(households.id, id)))[0].balance

describe('a walk observed at 23:50 on the last day of a month and synced the next morning', () => {
  it('When it arrives at 08:30 on 1 November, then it counts for November (points and limits) and keeps 23:50 on 31 October as its observed time', async () => {
    // 18:00 on 31 October (Shanghai): 房前屋后整洁有序 (+2, once a month) is given online to 张建国.
    await walk('demo-grid-leader', ['h-zjq-01'], 'env-tidy', '2024-10-31T10:00:00Z')
    const octoberBefore = await rankedPoints('h-zjq-01', '2024-10')

    // 23:50 on 31 October, no signal: the same rule for the same household waits on the phone.
    const late = await walk('demo-grid-leader', ['h-zjq-01'], 'env-tidy', '2024-11-01T00:30:00Z', '2024-10-31T15:50:00Z')
    expect(late.results[0].status).toBe('applied')
    const [record] = await database.db.select().from(scoreRecords).where(eq(scoreRecords.id, late.results[0].recordId))
    expect(record.observedAt.toISOString()).toBe('2024-10-31T15:50:00.000Z')
    expect(record.createdAt.toISOString()).toBe('2024-11-01T00:30:00.000Z')
    expect(await rankedPoints('h-zjq-01', '2024-10')).toBe(octoberBefore)
    expect(await rankedPoints('h-zjq-01', '2024-11')).toBe(2)

    // November's one 房前屋后整洁有序 is the late walk's: another that morning is refused.
    expect(await refusal(walk('demo-grid-leader', ['h-zjq-01'], 'env-tidy', '2024-11-01T02:00:00Z'))).toBe('LIMIT_REACHED')
  })
})

describe('a walk that arrives after the year’s dividend was published', () => {
  it('When 31 December 23:50 is synced on 1 January after the accountant published the year, then the published lines stay as they were and the points count for the new year', async () => {
    await walk('demo-grid-leader', ['h-zjq-02'], 'env-courtyard', '2024-12-20T02:00:00Z')
    const settings = dividendInputs.preview.parse({ orgId: 'v-zjq', year: 2024, totalFen: 1_000_000, incentiveFen: 200_000, method: 'proportional' })
    const draft = await saveDraft(database.db, 'demo-accountant', settings, new Date('2024-12-31T22:00:00Z'))
    await publishRun(database.db, 'demo-accountant', { runId: draft.id }, new Date('2024-12-31T23:00:00Z'))
    const published = await database.db.select().from(dividendLines).where(eq(dividendLines.runId, draft.id))
    const yearBefore = await rankedPoints('h-zjq-02', '2024')

    const late = await walk('demo-grid-leader', ['h-zjq-03', 'h-zjq-02'], 'env-tidy', '2025-01-01T00:30:00Z', '2024-12-31T15:50:00Z')
    expect(late.results.map((r) => r.status)).toEqual(['applied', 'applied'])

    expect(await database.db.select().from(dividendLines).where(eq(dividendLines.runId, draft.id))).toEqual(published)
    expect(await rankedPoints('h-zjq-02', '2024')).toBe(yearBefore)
    expect(await rankedPoints('h-zjq-02', '2025')).toBe(2)
  })
})

describe('how late a walk may come', () => {
  it('When a grid leader’s walk arrives four days after it was observed, then it waits for a cadre and moves no points; a cadre’s own late walk counts at once', async () => {
    const before = await balanceOf('h-zjq-04')
    const leader = await walk('demo-grid-leader', ['h-zjq-04'], 'env-courtyard', '2024-12-05T02:00:00Z', '2024-12-01T01:00:00Z')
    expect(leader.results[0].status).toBe('pending')
    expect(await balanceOf('h-zjq-04')).toBe(before)

    const cadre = await walk('demo-cadre', ['h-zjq-09'], 'env-courtyard', '2024-12-05T02:00:00Z', '2024-12-01T01:00:00Z')
    expect(cadre.results[0].status).toBe('applied')
  })

  it('When a walk is observed less than three days before it arrives, then a grid leader’s score counts at once', async () => {
    const quick = await walk('demo-grid-leader', ['h-zjq-05'], 'env-courtyard', '2024-12-03T23:00:00Z', '2024-12-01T01:00:00Z')
    expect(quick.results[0].status).toBe('applied')
  })

  it('When the phone says it was observed in the future, or more than 30 days ago, then the walk is refused and nothing is written', async () => {
    const before = await database.db.$count(scoreRecords)
    expect(await refusal(walk('demo-grid-leader', ['h-zjq-06'], 'env-courtyard', '2024-12-05T02:00:00Z', '2024-12-05T03:00:00Z'))).toBe('INVALID_INPUT')
    expect(await refusal(walk('demo-grid-leader', ['h-zjq-06'], 'env-courtyard', '2024-12-05T02:00:00Z', '2024-11-01T02:00:00Z'))).toBe('INVALID_INPUT')
    expect(await database.db.$count(scoreRecords)).toBe(before)
  })
})
