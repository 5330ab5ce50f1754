import { eq } from 'drizzle-orm'
import type { MatterBoard, MatterDetail } from '../../src/core/contracts/matter'
import { localMediaCheck, type LocalMediaPush } from '../platform/local/media-check'
import { localPlatform } from '../platform/local/platform'
import type { Platform } from '../platform/platform'
import { isFromWeChat, signPush } from '../platform/wechat/message-push'
import { receiveMediaCheckPush, retryPhotoChecks } from '../services/shared/photo-checks'
import type { Database } from '../store/database'
import { photoChecks } from '../store/schema'
import { openDemoTestDatabase } from '../test-support/test-database'
import { matterFunction } from './matter'
import { noticeFunction } from './notice'
import { scoreFunction } from './score'
import type { NoticeView } from '../../src/core/contracts/notice'
import type { MyRequests, PendingWork, SubmitResult } from '../../src/core/contracts/score'
import { notices } from '../store/schema'
import { ruleIdsByCode } from '../test-support/test-database'

const TOKEN = 'push-token-for-tests'
const CLEAN = 'local://11111111-2222-4333-8444-555555555555.jpg'
const RISKY = 'local://66666666-7777-4888-9999-aaaaaaaaaaaa.jpg'
const LOST = 'local://bbbbbbbb-cccc-4ddd-8eee-ffffffffffff.jpg'
const PROGRESS = 'local://cccccccc-dddd-4eee-8fff-000000000000.jpg'
const INSPECTION = 'local://eeeeeeee-ffff-4000-8111-222222222222.jpg'
const PROOF = 'local://ffffffff-0000-4111-8222-333333333333.jpg'
const CLAIM = 'local://01010101-0202-4303-8404-050505050505.jpg'
const FEEDBACK = 'local://dddddddd-eeee-4fff-8000-111111111111.jpg'

/** WeChat's answers, as the local stand-in hands them over (held here, delivered when the test says). */
const pushes: LocalMediaPush[] = []
const platform: Platform = {
  ...localPlatform,
  contentCheck: async () => 'pass',
  startMediaCheck: localMediaCheck({ delayMs: 10, deliver: (push) => void pushes.push(push), verdictOf: (fileId) => ([RISKY, FEEDBACK, PROOF, CLAIM].includes(fileId) ? 'risky' : 'pass') }),
}

let database: Database
beforeAll(async () => {
  database = await openDemoTestDatabase()
})
afterAll(() => database.close())

let seq = 0
async function call<T>(fn: typeof matterFunction, openid: string, event: Record<string, unknown>): Promise<T> {
  const answer = (await fn.invoke({ db: database.db, openid, event: { requestId: `req-photo-${++seq}`, ...event }, platform })) as { ok: boolean; data?: T; error?: { message: string } }
  if (!answer.ok) throw new Error(answer.error?.message)
  return answer.data as T
}
const matter = <T>(openid: string, event: Record<string, unknown>) => call<T>(matterFunction, openid, event)

/** A push as WeChat signs and sends it (JSON, plaintext mode), `secondsAgo` old. */
function signed(push: LocalMediaPush, { token = TOKEN, secondsAgo = 0 } = {}) {
  const timestamp = String(Math.floor(Date.now() / 1000) - secondsAgo)
  const nonce = String(1000 + ++seq)
  const query = { signature: signPush(token, timestamp, nonce), timestamp, nonce }
  const body = { ToUserName: 'gh_test', FromUserName: 'o-platform', CreateTime: Number(timestamp), MsgType: 'event', Event: 'wxa_media_check', appid: 'wx-test', trace_id: push.traceId, version: 2, result: { suggest: push.suggest, label: '100' }, detail: [] }
  return { query, body }
}
const deliver = (push: LocalMediaPush, options?: { token?: string; secondsAgo?: number }) => {
  const { query, body } = signed(push, options)
  return receiveMediaCheckPush(database.db, TOKEN, query, body)
}
const waitForPushes = async (n: number) => {
  while (pushes.length < n) await new Promise((resolve) => setTimeout(resolve, 5))
}
const board = (openid: string) => matter<MatterBoard>(openid, { action: 'board' })
const onBoard = async (openid: string, id: number) => (await board(openid)).matters.find((m) => m.id === id)!

describe("photos checked by WeChat's mediaCheckAsync before others see them", () => {
  it("When WeChat's documented example is signed, then the signature matches, and a stale or altered one does not", () => {
    const example = { signature: 'f464b24fc39322e44b38aa78f5edd27bd1441696', timestamp: '1714036504', nonce: '1514711492' }
    expect(isFromWeChat('AAAAA', example, 1714036504)).toBe(true)
    expect(isFromWeChat('AAAAA', example, 1714036504 + 3600)).toBe(false)
    expect(isFromWeChat('AAAAB', example, 1714036504)).toBe(false)
    expect(isFromWeChat('AAAAA', { ...example, nonce: '1514711493' }, 1714036504)).toBe(false)
  })

  it("When 张建国 raises a matter with a photo, then the public board reads 照片审核中 until WeChat passes it; he and the grid leader see it meanwhile", async () => {
    const raised = await matter<MatterDetail>('demo-villager', { action: 'raise', text: '路灯坏了三盏，晚上看不见', place: '村口', photos: [CLEAN] })
    expect(raised.photos).toEqual([CLEAN])
    await waitForPushes(1)

    expect(await onBoard('demo-villager-2', raised.id)).toMatchObject({ photos: [], photosInCheck: 1 })
    expect(await onBoard('demo-grid-leader', raised.id)).toMatchObject({ photos: [CLEAN], photosInCheck: 0 })
    expect((await matter<MatterDetail>('demo-villager-2', { action: 'detail', matterId: raised.id })).steps[0].photos).toEqual([])

    expect(await deliver(pushes[0])).toBe('applied')
    expect(await onBoard('demo-villager-2', raised.id)).toMatchObject({ photos: [CLEAN], photosInCheck: 0, photoNote: null })
    expect((await matter<MatterDetail>('demo-villager-2', { action: 'detail', matterId: raised.id })).steps[0].photos).toEqual([CLEAN])
  })

  it('When a photo is risky, then it is hidden from everyone but the street admin, the raiser is told plainly, and the matter stands', async () => {
    const raised = await matter<MatterDetail>('demo-villager', { action: 'raise', text: '河边有人倒垃圾', place: '河边', photos: [RISKY] })
    await waitForPushes(2)
    expect(await deliver(pushes[1])).toBe('applied')

    expect(await onBoard('demo-villager-2', raised.id)).toMatchObject({ photos: [], photosInCheck: 0, statusLabel: raised.statusLabel })
    expect(await onBoard('demo-grid-leader', raised.id)).toMatchObject({ photos: [] })
    const own = await onBoard('demo-villager', raised.id)
    expect(own.photos).toEqual([])
    expect(own.photoNote).toBe('您的照片没有通过微信的安全检查，别人看不到它；这件事照常办理。')
    expect((await matter<MatterDetail>('demo-admin', { action: 'detail', matterId: raised.id })).photos).toEqual([RISKY])
  })

  it('When a push is replayed, forged, stale or names a trace id never asked about, then nothing changes', async () => {
    const before = await database.db.select().from(photoChecks).orderBy(photoChecks.fileId)
    // The first push again (even re-signed, fresh): applied once already.
    expect(await deliver(pushes[0])).toBe('already')
    // The risky photo's trace id with a forged "pass": a wrong token, an old timestamp, no signature.
    const forgedPass = { ...pushes[1], suggest: 'pass' as const }
    expect(await deliver(forgedPass, { token: 'guessed-token' })).toBe('forged')
    expect(await deliver(forgedPass, { secondsAgo: 3600 })).toBe('forged')
    expect(await receiveMediaCheckPush(database.db, TOKEN, {}, signed(forgedPass).body)).toBe('forged')
    // Properly signed but a replay of a decided trace id, and one never issued.
    expect(await deliver(forgedPass)).toBe('already')
    expect(await deliver({ traceId: 'local-never-issued', fileId: CLEAN, suggest: 'risky' })).toBe('unknown')
    const { query } = signed(pushes[0])
    expect(await receiveMediaCheckPush(database.db, TOKEN, query, { Event: 'wxa_media_check', trace_id: pushes[0].traceId })).toBe('malformed')
    expect(await database.db.select().from(photoChecks).orderBy(photoChecks.fileId)).toEqual(before)
  })

  it('When the answer never arrives, then the photo stays 照片审核中 and is asked about again after 30 minutes, under a new trace id', async () => {
    const raised = await matter<MatterDetail>('demo-villager', { action: 'raise', text: '桥上栏杆松了', place: '小桥', photos: [LOST] })
    await waitForPushes(3)
    const lostPush = pushes[2] // WeChat's answer is lost on the way.
    expect(await retryPhotoChecks(database.db, platform.startMediaCheck!, new Date())).toBe(0)
    expect(await retryPhotoChecks(database.db, platform.startMediaCheck!, new Date(Date.now() + 31 * 60_000))).toBe(1)
    await waitForPushes(4)
    const [row] = await database.db.select().from(photoChecks).where(eq(photoChecks.fileId, LOST))
    expect(row).toMatchObject({ verdict: 'checking', attempts: 2, traceId: pushes[3].traceId })
    expect(pushes[3].traceId).not.toBe(lostPush.traceId)
    expect(await onBoard('demo-villager-2', raised.id)).toMatchObject({ photosInCheck: 1 })
    expect(await deliver(pushes[3])).toBe('applied')
    expect(await onBoard('demo-villager-2', raised.id)).toMatchObject({ photos: [LOST], photosInCheck: 0 })
  })

  it("When the cadre reports progress and feedback with photos, then they are checked the same way: others read 照片审核中 while the raiser sees them, a risky one is hidden from all but the street admin and the cadre is told", async () => {
    const raised = await matter<MatterDetail>('demo-villager', { action: 'raise', text: '水渠堵了', place: '东头', photos: [] })
    await matter('demo-grid-leader', { action: 'accept', matterId: raised.id })
    await matter('demo-grid-leader', { action: 'assign', matterId: raised.id, to: 'cadre', cadreOpenid: 'demo-cadre', days: 7 })
    const from = pushes.length
    await matter('demo-cadre', { action: 'progress', matterId: raised.id, note: '已清了一半', photos: [PROGRESS] })
    await matter('demo-cadre', { action: 'feedback', matterId: raised.id, outcome: '已清通', photos: [FEEDBACK] })
    await waitForPushes(from + 2)
    const stepsSeenBy = async (openid: string) => (await matter<MatterDetail>(openid, { action: 'detail', matterId: raised.id })).steps.filter((s) => s.kind === 'progress' || s.kind === 'feedback')

    expect((await stepsSeenBy('demo-villager-2')).map((s) => [s.photos, s.photosInCheck])).toEqual([[[], 1], [[], 1]])
    // The raiser's household is what the matter is about: it sees them meanwhile, as the cadre does.
    expect((await stepsSeenBy('demo-villager')).map((s) => s.photos)).toEqual([[PROGRESS], [FEEDBACK]])
    expect((await stepsSeenBy('demo-cadre')).map((s) => s.photos)).toEqual([[PROGRESS], [FEEDBACK]])

    for (const push of pushes.slice(from)) expect(await deliver(push)).toBe('applied')
    expect((await stepsSeenBy('demo-villager-2')).map((s) => [s.photos, s.photosInCheck, s.photoNote])).toEqual([[[PROGRESS], 0, null], [[], 0, null]])
    expect((await stepsSeenBy('demo-villager')).map((s) => [s.photos, s.photoNote])).toEqual([[[PROGRESS], null], [[], null]])
    const cadreSees = await stepsSeenBy('demo-cadre')
    expect(cadreSees[1]).toMatchObject({ photos: [], photoNote: '您的照片没有通过微信的安全检查，别人看不到它；这件事照常办理。' })
    expect((await stepsSeenBy('demo-admin'))[1].photos).toEqual([FEEDBACK])
  })

  it("When a grid leader's inspection photo opens a notice, then the group's channel reads 照片审核中 until WeChat passes it; the household's risky proof is hidden from the scorers and the household is told", async () => {
    const ruleIds = await ruleIdsByCode(database.db, 'rs-zjq')
    const from = pushes.length
    const walk = await call<SubmitResult>(scoreFunction, 'demo-grid-leader', { action: 'submit', householdIds: ['h-zjq-02'], ruleId: ruleIds['env-clutter'], photos: [INSPECTION], note: '门口堆放杂物' })
    const [opened] = await database.db.select().from(notices).where(eq(notices.deductionEntryId, walk.results[0].entryId!))
    await waitForPushes(from + 1)
    const onChannel = async (openid: string) => (await call<{ notices: NoticeView[] }>(noticeFunction, openid, { action: 'channel', orgId: 'g-zjq-1' })).notices.find((n) => n.id === opened.id)!
    expect(await onChannel('demo-villager')).toMatchObject({ photos: [], photosInCheck: 1 })
    expect(await onChannel('demo-grid-leader')).toMatchObject({ photos: [INSPECTION], photosInCheck: 0 })
    expect(await deliver(pushes[from])).toBe('applied')
    expect(await onChannel('demo-villager')).toMatchObject({ photos: [INSPECTION], photosInCheck: 0 })

    await call(noticeFunction, 'demo-villager-2', { action: 'submitProof', noticeId: opened.id, photos: [PROOF], note: '杂物已经清走' })
    await waitForPushes(from + 2)
    const proofSeenBy = async (openid: string) => (await call<NoticeView>(noticeFunction, openid, { action: 'detail', noticeId: opened.id })).proof
    expect(await proofSeenBy('demo-grid-leader')).toMatchObject({ photos: [PROOF], photosInCheck: 0 })
    expect(await deliver(pushes[from + 1])).toBe('applied')
    expect(await proofSeenBy('demo-grid-leader')).toMatchObject({ photos: [], photosInCheck: 0, photoNote: null })
    expect(await proofSeenBy('demo-villager-2')).toMatchObject({ photos: [], photoNote: '您的照片没有通过微信的安全检查，别人看不到它；这件事照常办理。' })
    expect((await proofSeenBy('demo-admin'))?.photos).toEqual([PROOF])
    // The notice itself stands: it waits for the scorer's check as before.
    expect((await call<NoticeView>(noticeFunction, 'demo-grid-leader', { action: 'detail', noticeId: opened.id })).status).toBe('proof_submitted')
  })

  it("When a villager's claim photo is checked, then the cadre deciding it sees it meanwhile; once risky it is hidden from the cadre and the villager reads why", async () => {
    const ruleIds = await ruleIdsByCode(database.db, 'rs-zjq')
    const from = pushes.length
    const claim = await call<{ id: number; photos: string[] }>(scoreFunction, 'demo-villager', { action: 'claim', ruleId: ruleIds['volunteer-duty'], photos: [CLAIM], note: '村口值守' })
    expect(claim.photos).toEqual([CLAIM])
    await waitForPushes(from + 1)
    const pendingFor = async () => (await call<PendingWork>(scoreFunction, 'demo-cadre', { action: 'pending', orgId: 'v-zjq' })).records.find((r) => r.id === claim.id)!
    expect(await pendingFor()).toMatchObject({ photos: [CLAIM], photosInCheck: 0 })
    expect(await deliver(pushes[from])).toBe('applied')
    expect(await pendingFor()).toMatchObject({ photos: [], photoNote: null })
    const mine = (await call<MyRequests>(scoreFunction, 'demo-villager', { action: 'myRequests' })).claims.find((c) => c.id === claim.id)!
    expect(mine).toMatchObject({ photos: [], status: 'pending', photoNote: '您的照片没有通过微信的安全检查，别人看不到它；这件事照常办理。' })
  })
})
