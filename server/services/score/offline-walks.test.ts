import fc from 'fast-check'
import { inArray, like, sum } from 'drizzle-orm'
import type { Envelope } from '../../../src/core/contracts/envelope'
import type { SubmitInput, SubmitResult } from '../../../src/core/contracts/score'
import { addWalk, parseWalkQueue, sendWalks, type QueuedWalk, type WalkQueue, type WalkSender } from '../../../src/core/walk-queue'
import { scoreFunction } from '../../functions/score'
import { localPlatform } from '../../platform/local/platform'
import { photoFolderOf } from '../shared/photo-folder'
import type { Database } from '../../store/database'
import { ledgerEntries, scoreRecords } from '../../store/schema'
import { openDemoTestDatabase, ruleIdsByCode } from '../../test-support/test-database'

// The phone's queue of walks (src/core/walk-queue) in front of the real submit: whatever happens to
// the network and the app, every finished walk is applied exactly once.

let database: Database
let ruleId: number

beforeAll(async () => {
  database = await openDemoTestDatabase()
  // 红白喜事大操大办 (-10): no monthly or yearly limit, so only the queue decides how often it lands.
  ruleId = (await ruleIdsByCode(database.db, 'rs-zjq'))['custom-lavish']
})
afterAll(() => database.close())

class Killed extends Error {}
const OFFLINE: Envelope<never> = { ok: false, error: { code: 'INTERNAL', message: '网络不通，请稍后再试' } }

/**
 * A phone: storage that survives a kill (JSON, as wx storage keeps it), a network that is on or off
 * or loses the answer of a call the server did receive, and a kill after some number of calls.
 */
class Phone {
  storage = '[]'
  online = true
  loseAnswers = false
  killAfterCalls = Infinity
  uploads = 0

  private call<T>(send: () => Promise<Envelope<T>>): Promise<Envelope<T>> {
    if (this.killAfterCalls-- <= 0) throw new Killed()
    if (!this.online) return Promise.resolve(OFFLINE)
    return send().then((answer) => (this.loseAnswers ? OFFLINE : answer))
  }

  sender(): WalkSender {
    return {
      read: () => parseWalkQueue(JSON.parse(this.storage)),
      write: (queue) => (this.storage = JSON.stringify(queue)),
      upload: () => this.call(async () => ({ ok: true as const, data: { fileId: `cloud://env.bucket/${photoFolderOf('demo-cadre')}/p-${++this.uploads}.jpg` } })),
      submit: (input: SubmitInput) =>
        this.call(
          () => scoreFunction.invoke({ db: database.db, openid: 'demo-cadre', event: { action: 'submit', ...input }, platform: localPlatform }) as Promise<Envelope<SubmitResult>>,
        ),
    }
  }

  async send(): Promise<void> {
    try {
      await sendWalks(this.sender())
    } catch (error) {
      if (!(error instanceof Killed)) throw error
    }
  }
}

type Step =
  | { kind: 'finish'; households: number[]; photos: number }
  | { kind: 'network'; online: boolean; loseAnswers: boolean }
  | { kind: 'send' }
  | { kind: 'kill'; afterCalls: number }

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('finish' as const), households: fc.uniqueArray(fc.integer({ min: 1, max: 32 }), { minLength: 1, maxLength: 3 }), photos: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ kind: fc.constant('network' as const), online: fc.boolean(), loseAnswers: fc.boolean() }),
  fc.record({ kind: fc.constant('send' as const) }),
  fc.record({ kind: fc.constant('kill' as const), afterCalls: fc.integer({ min: 0, max: 4 }) }),
)

let run = 0

describe('walks kept on the phone and sent when the network returns', () => {
  it('When 100 random sequences of finished walks, network off and on, lost answers and kills end with the network back, then every walk is applied exactly once and the queue is empty', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const prefix = `offline-${++run}-`
        const phone = new Phone()
        const finished: QueuedWalk[] = []
        for (const s of steps) {
          if (s.kind === 'finish') {
            const walk: QueuedWalk = {
              requestId: `${prefix}${finished.length}`,
              orgId: 'v-zjq',
              observedAt: new Date().toISOString(),
              rule: { id: ruleId, code: 'custom-lavish', title: '红白喜事大操大办、铺张浪费', points: -10 },
              households: s.households.map((n) => ({ id: `h-zjq-${String(n).padStart(2, '0')}`, name: `户${n}`, houseNo: String(n) })),
              note: '',
              photos: Array.from({ length: s.photos }, (_, i) => ({ localPath: `wxfile://tmp/${prefix}${finished.length}-${i}.jpg`, size: 1000, fileId: null })),
              refusal: null,
            }
            finished.push(walk)
            phone.storage = JSON.stringify(addWalk(parseWalkQueue(JSON.parse(phone.storage)), walk))
          } else if (s.kind === 'network') {
            phone.online = s.online
            phone.loseAnswers = s.loseAnswers
          } else if (s.kind === 'send') {
            await phone.send()
          } else {
            // The app is killed after some calls, then started again with its storage.
            phone.killAfterCalls = s.afterCalls
            await phone.send()
            phone.killAfterCalls = Infinity
          }
        }
        // The network comes back for good and the app sends what waits.
        phone.online = true
        phone.loseAnswers = false
        await phone.send()

        const queue: WalkQueue = parseWalkQueue(JSON.parse(phone.storage))
        expect(queue).toEqual([])
        const records = await database.db.select().from(scoreRecords).where(like(scoreRecords.requestId, `${prefix}%`))
        const expected = finished.flatMap((w) => w.households.map((h) => `${w.requestId} ${h.id}`)).sort()
        expect(records.map((r) => `${r.requestId} ${r.householdId}`).sort()).toEqual(expected)
        // Each record moved its points once: one ledger entry each, -10 apiece.
        const entryIds = records.map((r) => r.ledgerEntryId!).filter((id) => id !== null)
        expect(entryIds).toHaveLength(expected.length)
        if (entryIds.length > 0) {
          const [total] = await database.db.select({ points: sum(ledgerEntries.points).mapWith(Number) }).from(ledgerEntries).where(inArray(ledgerEntries.id, entryIds))
          expect(total.points).toBe(-10 * expected.length)
        }
        // Photos are sent with their walk, each walk's as many as were taken.
        for (const walk of finished) {
          const [first] = records.filter((r) => r.requestId === walk.requestId)
          expect(first.photos).toHaveLength(walk.photos.length)
        }
      }),
      { numRuns: 100 },
    )
  }, 240_000)
})


