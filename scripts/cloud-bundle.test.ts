import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { isRetentionTick } from '../src/core/photo-retention'
import { isQuietHour } from '../src/core/reminders'
import { signPush } from '../server/platform/wechat/message-push'
import type { Database } from '../server/store/database'
import { openDemoTestDatabase } from '../server/test-support/test-database'

// The deployed bundle talks to a PostgreSQL server only; CI sets DATABASE_URL.
const withPostgres = process.env.DATABASE_URL ? describe : describe.skip
const root = path.resolve(__dirname, '..')

withPostgres('the bundled cloud function, as WeChat runs it', () => {
  let database: Database
  let databaseUrl: string
  beforeAll(async () => {
    execFileSync('npx', ['tsx', 'scripts/build-functions.ts'], { cwd: root, stdio: 'pipe' })
    database = await openDemoTestDatabase()
    const result = (await database.db.execute(`select current_database() as name`)) as unknown as { rows: { name: string }[] }
    const server = new URL(process.env.DATABASE_URL!)
    server.pathname = `/${result.rows[0].name}`
    databaseUrl = server.toString()
  }, 60_000)
  afterAll(() => database.close())

  function invokeBundle(openid: string, event: object, fn = 'account', extraEnv: Record<string, string> = {}): unknown {
    // The answer is the last line: what the function logs comes before it.
    const script = `require('./index.js').main(${JSON.stringify(event)}).then((r) => { process.stdout.write('\\n' + JSON.stringify(r)); process.exit(0) })`
    const out = execFileSync(process.execPath, ['-e', script], {
      cwd: path.join(root, 'cloudfunctions', fn),
      env: {
        ...extraEnv,
        PATH: process.env.PATH,
        WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID',
        WX_OPENID: openid,
        WX_APPID: 'wx-test',
        TCB_ENV: 'test-env',
        DATABASE_URL: databaseUrl,
      },
    })
    return JSON.parse(out.toString().trim().split('\n').at(-1)!)
  }

  it('When WeChat vouches for an openid, then the bundle answers as that user and ignores a forged userInfo', () => {
    // whoami names the caller's photo folder by an HMAC under CODE_HASH_KEY, which the account function's config requires.
    const answer = invokeBundle('demo-cadre', { action: 'whoami', userInfo: { openId: 'demo-admin' } }, 'account', { CODE_HASH_KEY: 'a'.repeat(64) })
    expect(answer).toMatchObject({ ok: true, data: { openid: 'demo-cadre', displayName: '陈明华' } })
  })

  it('When the event is junk, then the bundle answers a structured error', () => {
    expect(invokeBundle('demo-cadre', { action: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it("When WeChat checks the message-push URL through HTTP access, then the bundled wechatPush echoes a signed check and refuses an unsigned one", () => {
    const timestamp = String(Math.floor(Date.now() / 1000))
    const query = { signature: signPush('bundle-token', timestamp, '42'), timestamp, nonce: '42', echostr: 'echo-bundle' }
    const env = { MESSAGE_PUSH_TOKEN: 'bundle-token' }
    expect(invokeBundle('', { httpMethod: 'GET', queryStringParameters: query }, 'wechatPush', env)).toMatchObject({ statusCode: 200, body: 'echo-bundle' })
    expect(invokeBundle('', { httpMethod: 'GET', queryStringParameters: { ...query, signature: '0'.repeat(40) } }, 'wechatPush', env)).toMatchObject({ statusCode: 403 })
  })

  it("When WeChat's timer fires, then the bundled timer runs the tick its Time names, retention only at 03:00 and reminders outside quiet hours", () => {
    const now = new Date()
    expect(invokeBundle('', { Type: 'Timer', TriggerName: 'everyTenMinutes', Time: now.toISOString() }, 'timer')).toEqual({
      ok: true,
      data: { photoChecksRetried: 0, photosDeleted: isRetentionTick(now) ? 0 : null, reminders: { sent: 0, quiet: isQuietHour(now) } },
    })
  })

  it('When a user of the mini-program calls the timer by name, then it is refused, whatever the event says', async () => {
    const event = { Type: 'Timer', TriggerName: 'everyTenMinutes', Time: '2026-12-07T04:10:00Z' }
    for (const openid of ['demo-villager', 'demo-cadre', 'demo-admin']) {
      expect(invokeBundle(openid, event, 'timer')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(invokeBundle('', { action: 'run' }, 'timer')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})
