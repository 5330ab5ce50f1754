import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { DEMO_IDENTITIES } from '../demo/seed'
import { createGateway, MESSAGE_PUSH_ROUTE } from '../gateway/gateway'
import { localPlatform } from '../platform/local/platform'
import { signPush } from '../platform/wechat/message-push'
import type { Database } from '../store/database'
import { photoChecks } from '../store/schema'
import { openTestDatabase } from '../test-support/test-database'
import { cloudPushMain } from './cloud-main'
import { cloudFunctions } from './index'

const TOKEN = 'push-token-for-route-tests'
const PHOTO = 'cloud://env.photos/matter/a.jpg'
const OTHER = 'cloud://env.photos/matter/b.jpg'

let database: Database
const servers: Server[] = []
let withToken: string
let withoutToken: string

async function startGateway(messagePushToken: string | undefined): Promise<string> {
  const server = createServer(
    createGateway({ db: database.db, functions: cloudFunctions, platform: localPlatform, demoMode: false, demoIdentities: DEMO_IDENTITIES, messagePushToken }),
  )
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

beforeAll(async () => {
  database = await openTestDatabase()
  await database.db.insert(photoChecks).values([
    { fileId: PHOTO, uploaderOpenid: 'o-raiser', traceId: 'trace-photo', requestedAt: new Date(), attempts: 1 },
    { fileId: OTHER, uploaderOpenid: 'o-raiser', traceId: 'trace-other', requestedAt: new Date(), attempts: 1 },
  ])
  withToken = await startGateway(TOKEN)
  withoutToken = await startGateway(undefined)
})
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))))
  await database.close()
})

let nonce = 5000
/** The query WeChat signs a push with: signature of token, timestamp and nonce. */
function signedQuery({ token = TOKEN, secondsAgo = 0 } = {}) {
  const timestamp = String(Math.floor(Date.now() / 1000) - secondsAgo)
  const n = String(++nonce)
  return { signature: signPush(token, timestamp, n), timestamp, nonce: n }
}
const pushBody = (traceId: string, suggest: 'pass' | 'risky') =>
  JSON.stringify({ ToUserName: 'gh_test', FromUserName: 'o-platform', CreateTime: Math.floor(Date.now() / 1000), MsgType: 'event', Event: 'wxa_media_check', appid: 'wx-test', trace_id: traceId, version: 2, result: { suggest, label: '100' }, detail: [] })

async function push(base: string, query: Record<string, string>, body: string) {
  const res = await fetch(`${base}${MESSAGE_PUSH_ROUTE}?${new URLSearchParams(query)}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
  const text = await res.text()
  return { status: res.status, text, json: res.headers.get('content-type')?.startsWith('application/json') ? JSON.parse(text) : null }
}
const checks = () => database.db.select().from(photoChecks).orderBy(photoChecks.fileId)

describe("WeChat's message push reaches the photo checks (gateway route and the wechatPush cloud function)", () => {
  it('When WeChat checks the URL with a signed echostr, then the gateway echoes it; unsigned, it is refused', async () => {
    const ok = await fetch(`${withToken}${MESSAGE_PUSH_ROUTE}?${new URLSearchParams({ ...signedQuery(), echostr: 'echo-123' })}`)
    expect([ok.status, await ok.text()]).toEqual([200, 'echo-123'])
    const forged = await fetch(`${withToken}${MESSAGE_PUSH_ROUTE}?${new URLSearchParams({ ...signedQuery({ token: 'guess' }), echostr: 'echo-123' })}`)
    expect(forged.status).toBe(403)
  })

  it('When a signed push names a photo asked about, then it is applied once and WeChat reads "success"; the repeat changes nothing', async () => {
    const first = await push(withToken, signedQuery(), pushBody('trace-photo', 'pass'))
    expect([first.status, first.text]).toEqual([200, 'success'])
    const after = await checks()
    expect(after.find((c) => c.fileId === PHOTO)).toMatchObject({ verdict: 'pass' })
    const decidedAt = after.find((c) => c.fileId === PHOTO)!.decidedAt

    // WeChat sends again (it retries when unsure): still success, nothing moves.
    const again = await push(withToken, signedQuery(), pushBody('trace-photo', 'risky'))
    expect([again.status, again.text]).toEqual([200, 'success'])
    expect((await checks()).find((c) => c.fileId === PHOTO)).toMatchObject({ verdict: 'pass', decidedAt })
  })

  it('When a push is forged, stale, unsigned, or comes with no token configured, then it is refused and nothing changes', async () => {
    const before = await checks()
    const forged = await push(withToken, signedQuery({ token: 'guessed' }), pushBody('trace-other', 'pass'))
    expect([forged.status, forged.json?.error?.code]).toEqual([403, 'FORBIDDEN'])
    const stale = await push(withToken, signedQuery({ secondsAgo: 3600 }), pushBody('trace-other', 'pass'))
    expect([stale.status, stale.json?.error?.code]).toEqual([403, 'FORBIDDEN'])
    const unsigned = await push(withToken, {}, pushBody('trace-other', 'pass'))
    expect(unsigned.status).toBe(403)
    const noToken = await push(withoutToken, signedQuery(), pushBody('trace-other', 'pass'))
    expect([noToken.status, noToken.json?.ok]).toEqual([503, false])
    expect(await checks()).toEqual(before)
  })

  it('When a signed push is malformed (not JSON, not a media check, an unknown verdict), then it gets a structured error and writes nothing', async () => {
    const before = await checks()
    for (const body of ['not json', JSON.stringify({ MsgType: 'event', Event: 'user_enter_tempsession' }), pushBody('trace-other', 'pass').replace('"pass"', '"maybe"')]) {
      const answer = await push(withToken, signedQuery(), body)
      expect([answer.status, answer.json]).toEqual([400, { ok: false, error: { code: 'INVALID_INPUT', message: '推送的内容不是图片检测结果' } }])
    }
    expect(await checks()).toEqual(before)
  })

  it('When the wechatPush cloud function gets the push through HTTP access, then it answers as the gateway does', async () => {
    const previous = process.env.MESSAGE_PUSH_TOKEN
    process.env.MESSAGE_PUSH_TOKEN = TOKEN
    try {
      const main = cloudPushMain(() => Promise.resolve(database))
      const body = pushBody('trace-other', 'risky')
      const forged = await main({ httpMethod: 'POST', queryStringParameters: signedQuery({ token: 'guessed' }), body, isBase64Encoded: false })
      expect(forged.statusCode).toBe(403)
      const answer = await main({ httpMethod: 'POST', queryStringParameters: signedQuery(), body: Buffer.from(body).toString('base64'), isBase64Encoded: true })
      expect([answer.statusCode, answer.body]).toEqual([200, 'success'])
      expect((await checks()).find((c) => c.fileId === OTHER)).toMatchObject({ verdict: 'risky' })
      delete process.env.MESSAGE_PUSH_TOKEN
      expect((await main({ httpMethod: 'POST', queryStringParameters: signedQuery(), body })).statusCode).toBe(503)
    } finally {
      if (previous === undefined) delete process.env.MESSAGE_PUSH_TOKEN
      else process.env.MESSAGE_PUSH_TOKEN = previous
    }
  })
})
