import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { cloudFunctions } from '../functions'
import type { Database } from '../store/database'
import { DEMO_IDENTITIES } from '../demo/seed'
import { openDemoTestDatabase } from '../test-support/test-database'
import { createGateway } from './gateway'
import { localPlatform } from '../platform/local/platform'

let database: Database
const servers: Server[] = []

async function startGateway(demoMode: boolean): Promise<string> {
  const server = createServer(
    createGateway({ db: database.db, functions: cloudFunctions, platform: localPlatform, demoMode, demoIdentities: DEMO_IDENTITIES }),
  )
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

let demo: string
let live: string
beforeAll(async () => {
  database = await openDemoTestDatabase()
  demo = await startGateway(true)
  live = await startGateway(false)
})
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))))
  await database.close()
})

async function post(base: string, path: string, body: string, openid?: string) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { 'x-dev-openid': openid } : {}) },
    body,
  })
  return { status: res.status, body: await res.json() }
}

const whoamiAs = (openid: string, base = demo) => post(base, '/api/functions/account', '{"action":"whoami"}', openid)

describe('gateway in demo mode', () => {
  it.each(DEMO_IDENTITIES.map((d) => [d.openid, d.name]))(
    'When %s calls account.whoami, then the envelope names them (%s)',
    async (openid, name) => {
      const { status, body } = await whoamiAs(openid)
      expect(status).toBe(200)
      expect(body).toMatchObject({ ok: true, data: { registered: true, openid, displayName: name } })
    },
  )

  it('When a villager calls whoami, then the household with shares and balance comes back', async () => {
    const { body } = await whoamiAs('demo-villager')
    expect(body.data.household).toMatchObject({ id: 'h-zjq-01', name: '张建国', village: { name: '赵家桥村' } })
    expect(body.data.household.balance).toBeGreaterThan(0)
  })

  it('When the demo identities are asked for, then all nine roles are offered', async () => {
    const res = await fetch(`${demo}/api/demo/identities`)
    const body = await res.json()
    expect(body.data.map((d: { openid: string }) => d.openid)).toEqual(DEMO_IDENTITIES.map((d) => d.openid))
  })
})

describe('gateway outside demo mode', () => {
  it('When X-Dev-OpenId is sent, then it is ignored and the caller is unauthenticated', async () => {
    const { status, body } = await whoamiAs('demo-cadre', live)
    expect(status).toBe(401)
    expect(body).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.any(String) } })
  })

  it('When the demo identities are asked for, then there are none', async () => {
    const res = await fetch(`${live}/api/demo/identities`)
    expect(res.status).toBe(404)
  })
})

describe('bad requests get a structured error, never a stack', () => {
  const cases: [what: string, path: string, body: string, code: string][] = [
    ['a body that is not JSON', '/api/functions/account', '{"action":', 'INVALID_INPUT'],
    ['an empty body', '/api/functions/account', '', 'INVALID_INPUT'],
    ['a JSON array', '/api/functions/account', '[1,2]', 'INVALID_INPUT'],
    ['no action', '/api/functions/account', '{}', 'INVALID_INPUT'],
    ['an action of the wrong type', '/api/functions/account', '{"action":42}', 'INVALID_INPUT'],
    ['an unknown action', '/api/functions/account', '{"action":"explode"}', 'NOT_FOUND'],
    ['a prototype key as action', '/api/functions/account', '{"action":"__proto__"}', 'NOT_FOUND'],
    ['an unknown function', '/api/functions/nope', '{"action":"whoami"}', 'NOT_FOUND'],
    ['a prototype key as function', '/api/functions/constructor', '{"action":"whoami"}', 'NOT_FOUND'],
    ['a missing field', '/api/functions/account', '{"action":"households"}', 'INVALID_INPUT'],
    ['a field of the wrong type', '/api/functions/account', '{"action":"households","orgId":["v-zjq"]}', 'INVALID_INPUT'],
    ['an absurdly long field', '/api/functions/account', JSON.stringify({ action: 'households', orgId: 'x'.repeat(5000) }), 'INVALID_INPUT'],
  ]

  it.each(cases.map(([what, path, body, code]) => ({ what, path, body, code })))(
    'When the request has $what, then $code with a Chinese message',
    async ({ path, body, code }) => {
    const res = await post(demo, path, body, 'demo-cadre')
    expect(res.status).toBeLessThan(500)
    expect(res.body.ok).toBe(false)
    expect(res.body.error.code).toBe(code)
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/)
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+|Error:/)
    },
  )

  it('When a body is larger than 1 MB, then INVALID_INPUT', async () => {
    const res = await post(demo, '/api/functions/account', JSON.stringify({ action: 'whoami', pad: 'x'.repeat(1_100_000) }), 'demo-cadre')
    expect(res.body.error.code).toBe('INVALID_INPUT')
  })

  it('When a function is called with GET, then NOT_FOUND', async () => {
    const res = await fetch(`${demo}/api/functions/account`)
    expect((await res.json()).error.code).toBe('NOT_FOUND')
  })
})
