import { eq } from 'drizzle-orm'
import type { VillageSettingsView } from '../../src/core/contracts/account'
import type { SubmitResult } from '../../src/core/contracts/score'
import { localPlatform } from '../platform/local/platform'
import type { Database } from '../store/database'
import { households, orgs, villageSettingChanges } from '../store/schema'
import { openDemoTestDatabase, ruleIdsByCode } from '../test-support/test-database'
import { accountFunction } from './account'
import { scoreFunction } from './score'

let database: Database
let seq = 0
const rid = () => `req-settings-${++seq}`

beforeAll(async () => {
  database = await openDemoTestDatabase()
})
afterAll(() => database.close())

function settingsCall(openid: string, event: Record<string, unknown>) {
  return accountFunction.invoke({ db: database.db, openid, event, platform: localPlatform })
}
async function ok(openid: string, event: Record<string, unknown>): Promise<VillageSettingsView> {
  const answer = await settingsCall(openid, event)
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`)
  return answer.data as VillageSettingsView
}
async function changes() {
  return database.db.select().from(villageSettingChanges).orderBy(villageSettingChanges.id)
}
async function storedSettings(villageId: string) {
  const [row] = await database.db.select({ settings: orgs.settings }).from(orgs).where(eq(orgs.id, villageId))
  return row.settings as Record<string, unknown>
}
const save = (fields: Record<string, unknown>) => ({ action: 'saveVillageSettings', requestId: rid(), orgId: 'v-zjq', ...fields })

describe('村里的设置 (account.villageSettings / saveVillageSettings)', () => {
  it('When the cadre of 赵家桥村 opens the settings of a village that decided nothing, then scores apply at once and rectified notices stay 3 days', async () => {
    expect(await ok('demo-cadre', { action: 'villageSettings', orgId: 'v-zjq' })).toEqual({
      village: { id: 'v-zjq', name: '赵家桥村', kind: 'village' },
      gridLeaderScoresNeedApproval: false,
      rectifiedVisibleDays: 3,
      photoKeptDays: 180,
      lastChange: null,
    })
  })

  it('When the cadre asks for approval, then a grid leader’s next score waits as pending and moves no points; turned off, scores apply again', async () => {
    const saved = await ok('demo-cadre', save({ gridLeaderScoresNeedApproval: true, rectifiedVisibleDays: 7 }))
    expect(saved).toMatchObject({ gridLeaderScoresNeedApproval: true, rectifiedVisibleDays: 7 })
    expect(await storedSettings('v-zjq')).toMatchObject({ cooperative: '赵家桥村股份经济合作社', gridLeaderScoresNeedApproval: true, rectifiedVisibleDays: 7 })
    // The change is on record, and the page says who made it.
    expect(saved.lastChange).toMatchObject({ byName: '陈明华' })
    expect((await changes()).at(-1)).toMatchObject({
      villageId: 'v-zjq',
      actorOpenid: 'demo-cadre',
      before: { gridLeaderScoresNeedApproval: false, rectifiedVisibleDays: 3 },
      after: { gridLeaderScoresNeedApproval: true, rectifiedVisibleDays: 7 },
    })
    // Saving the same values again changes nothing, so nothing more is recorded.
    const recorded = (await changes()).length
    await ok('demo-cadre', save({ gridLeaderScoresNeedApproval: true, rectifiedVisibleDays: 7 }))
    expect(await changes()).toHaveLength(recorded)

    const ruleId = (await ruleIdsByCode(database.db, 'rs-zjq'))['mediation']
    const balance = async () => (await database.db.select({ b: households.balance }).from(households).where(eq(households.id, 'h-zjq-04')))[0].b
    const before = await balance()
    const submit = () => scoreFunction.invoke({ db: database.db, openid: 'demo-grid-leader', event: { action: 'submit', requestId: rid(), householdIds: ['h-zjq-04'], ruleId }, platform: localPlatform })
    const waiting = await submit()
    expect(waiting.ok && (waiting.data as SubmitResult).results[0]).toMatchObject({ status: 'pending', entryId: null, balance: before })
    expect(await balance()).toBe(before)

    await ok('demo-cadre', save({ gridLeaderScoresNeedApproval: false, rectifiedVisibleDays: 3 }))
    const applied = await submit()
    expect(applied.ok && (applied.data as SubmitResult).results[0]).toMatchObject({ status: 'applied', balance: before + 3 })
  })

  it('When the street’s admin changes a village’s settings, then it is allowed; the same requestId again answers the same, once', async () => {
    const event = save({ gridLeaderScoresNeedApproval: false, rectifiedVisibleDays: 5 })
    const first = await ok('demo-admin', event)
    expect(await ok('demo-admin', event)).toEqual(first)
    expect(first.rectifiedVisibleDays).toBe(5)
  })

  it.each([
    ['the cadre of 通界村', 'demo-cadre-other'],
    ['a grid leader', 'demo-grid-leader'],
    ['the accountant', 'demo-accountant'],
    ['a villager', 'demo-villager'],
  ])('When %s tries to change 赵家桥村’s settings, then FORBIDDEN and nothing changes', async (_who, openid) => {
    const [stored, recorded] = [await storedSettings('v-zjq'), (await changes()).length]
    const answer = await settingsCall(openid, save({ gridLeaderScoresNeedApproval: true, rectifiedVisibleDays: 30 }))
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await storedSettings('v-zjq')).toEqual(stored)
    expect(await changes()).toHaveLength(recorded)
    expect(await settingsCall(openid, { action: 'villageSettings', orgId: 'v-zjq' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it.each([
    ['a negative number of days', { rectifiedVisibleDays: -1 }, 'INVALID_INPUT'],
    ['91 days', { rectifiedVisibleDays: 91 }, 'INVALID_INPUT'],
    ['half a day', { rectifiedVisibleDays: 2.5 }, 'INVALID_INPUT'],
    ['approval as text', { gridLeaderScoresNeedApproval: 'yes' }, 'INVALID_INPUT'],
    ['a villager group instead of a village', { orgId: 'g-zjq-1' }, 'NOT_FOUND'],
  ])('When the settings have %s, then %s with a Chinese message and nothing changes', async (_what, fields, code) => {
    const [stored, recorded] = [await storedSettings('v-zjq'), (await changes()).length]
    const answer = await settingsCall('demo-cadre', save({ gridLeaderScoresNeedApproval: true, rectifiedVisibleDays: 7, ...fields }))
    expect(answer).toMatchObject({ ok: false, error: { code } })
    expect(!answer.ok && answer.error.message).toMatch(/[\u4e00-\u9fa5]/)
    expect(await storedSettings('v-zjq')).toEqual(stored)
    expect(await changes()).toHaveLength(recorded)
  })
})
