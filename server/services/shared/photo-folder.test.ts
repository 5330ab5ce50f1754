import { eq } from 'drizzle-orm'
import type { WhoAmI } from '../../../src/core/contracts/account'
import type { ScoreRecordView } from '../../../src/core/contracts/score'
import { cloudFunctions } from '../../functions'
import type { Database } from '../../store/database'
import { matters, scoreRecords } from '../../store/schema'
import { functionCaller } from '../../test-support/function-caller'
import { openDemoTestDatabase, ruleIdsByCode } from '../../test-support/test-database'

// The daily clean-up deletes the photos a closed case names, so a case may name only its sender's uploads.

let database: Database
const { call, ok } = functionCaller(cloudFunctions, () => database.db)
let claimRuleId: number

beforeAll(async () => {
  database = await openDemoTestDatabase()
  claimRuleId = (await ruleIdsByCode(database.db, 'rs-zjq'))['volunteer-service']
})
afterAll(() => database.close())

async function folderOf(openid: string): Promise<string> {
  const me = await ok<WhoAmI>(openid, 'account', { action: 'whoami' })
  if (!me.registered) throw new Error(`${openid} is not registered`)
  return me.photoFolder
}

describe('photos a case may name', () => {
  it('When two villagers ask who they are, then each is given an own upload folder that does not show the openid', async () => {
    const [one, two] = [await folderOf('demo-villager'), await folderOf('demo-villager-2')]
    expect(one).toMatch(/^evidence\/[0-9a-f]{24}$/)
    expect(one).not.toBe(two)
    expect(one).not.toContain('demo-villager')
  })

  it('When a villager claims with a photo from his own folder, then it is kept; with a neighbour’s photo or any other file, then refused and nothing is written', async () => {
    const mine = `cloud://prod-1a2b.7072-prod-1a2b-1250000000/${await folderOf('demo-villager')}/1796000000-42.jpg`
    const claim = await ok<ScoreRecordView>('demo-villager', 'score', { action: 'claim', requestId: 'photo-folder-own', ruleId: claimRuleId, photos: [mine] })
    expect(claim.photos).toEqual([mine])

    const neighbour = `cloud://prod-1a2b.7072-prod-1a2b-1250000000/${await folderOf('demo-villager-2')}/1796000000-43.jpg`
    const elsewhere = [neighbour, 'cloud://prod-1a2b.7072-prod-1a2b-1250000000/backups/2026-12-01.dump', `${mine.replace('1796000000-42.jpg', '')}../../backups/x.jpg`]
    for (const [i, photo] of elsewhere.entries()) {
      const answer = await call('demo-villager', 'score', { action: 'claim', requestId: `photo-folder-other-${i}`, ruleId: claimRuleId, photos: [photo] })
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '照片编号不对，请重新上传照片' } })
      expect(await database.db.select().from(scoreRecords).where(eq(scoreRecords.requestId, `photo-folder-other-${i}`))).toEqual([])
    }
    const raised = await call('demo-villager', 'matter', { action: 'raise', requestId: 'photo-folder-matter', text: '村口路灯坏了好几天', place: '村口', photos: [neighbour], showName: false })
    expect(raised).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await database.db.select().from(matters).where(eq(matters.raisedBy, 'demo-villager'))).toEqual([])
  })
})
