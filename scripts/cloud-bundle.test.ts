import { execFileSync } from 'node:child_process'
import path from 'node:path'
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

  function invokeBundle(openid: string, event: object): unknown {
    const script = `require('./index.js').main(${JSON.stringify(event)}).then((r) => { process.stdout.write(JSON.stringify(r)); process.exit(0) })`
    const out = execFileSync(process.execPath, ['-e', script], {
      cwd: path.join(root, 'cloudfunctions/account'),
      env: {
        PATH: process.env.PATH,
        WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID',
        WX_OPENID: openid,
        WX_APPID: 'wx-test',
        TCB_ENV: 'test-env',
        DATABASE_URL: databaseUrl,
      },
    })
    return JSON.parse(out.toString())
  }

  it('When WeChat vouches for an openid, then the bundle answers as that user and ignores a forged userInfo', () => {
    const answer = invokeBundle('demo-cadre', { action: 'whoami', userInfo: { openId: 'demo-admin' } })
    expect(answer).toMatchObject({ ok: true, data: { openid: 'demo-cadre', displayName: '陈明华' } })
  })

  it('When the event is junk, then the bundle answers a structured error', () => {
    expect(invokeBundle('demo-cadre', { action: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})
