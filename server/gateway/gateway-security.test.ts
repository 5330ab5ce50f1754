import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { cloudFunctions } from '../functions'
import type { Database } from '../store/database'
import { DEMO_IDENTITIES } from '../demo/seed'
import { openDemoTestDatabase } from '../test-support/test-database'
import { createGateway, PHOTOS_PER_DAY } from './gateway'
import { localPlatform } from '../platform/local/platform'
import { servedHosts } from './same-origin'

/** The attacks issue 22 named against the local gateway: another site's page, a passer-by's uploads. */
let database: Database
let server: Server
let port: number
let photoDir: string

beforeAll(async () => {
  database = await openDemoTestDatabase()
  photoDir = mkdtempSync(path.join(tmpdir(), 'shanzhi-photos-'))
  const gateway = { current: null as null | ReturnType<typeof createGateway> }
  server = createServer((req, res) => void gateway.current!(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
  gateway.current = createGateway({
    db: database.db,
    functions: cloudFunctions,
    platform: localPlatform,
    demoMode: true,
    demoIdentities: DEMO_IDENTITIES,
    photoDir,
    hosts: servedHosts(port, 'jf.example.cn'),
  })
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  await database.close()
  rmSync(photoDir, { recursive: true, force: true })
})

type Reply = { status: number; headers: Record<string, string | string[] | undefined>; body: string }

/** A raw HTTP call, so Host and Origin are whatever an attacker's browser would send. */
function call(options: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer | string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: { host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      let body = ''
      res.on('data', (chunk: Buffer) => (body += chunk.toString()))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end(options.body)
  })
}

const whoami = (headers: Record<string, string>) =>
  call({ method: 'POST', path: '/api/functions/account', headers: { 'content-type': 'application/json', 'x-dev-openid': 'demo-cadre', ...headers }, body: '{"action":"whoami"}' })

describe('DNS rebinding and cross-site posts', () => {
  it('When a request names another host (a rebound name pointing at 127.0.0.1), then it is refused, whatever it asks for', async () => {
    for (const host of ['evil.example.com', `evil.example.com:${port}`, `127.0.0.1:${port + 1}`]) {
      const reply = await whoami({ host })
      expect([host, reply.status]).toEqual([host, 403])
      expect(reply.body).not.toContain('陈明华')
    }
    expect((await call({ path: '/api/demo/identities', headers: { host: 'evil.example.com' } })).status).toBe(403)
  })

  it('When a page on another site posts here, then the post is refused; the app itself and clients without an Origin are served', async () => {
    expect((await whoami({ origin: 'http://evil.example.com' })).status).toBe(403)
    expect((await whoami({ origin: `http://127.0.0.1:${port + 1}` })).status).toBe(403)
    expect((await whoami({ origin: 'null' })).status).toBe(403)
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, 'jf.example.cn']) {
      const reply = await whoami({ host, origin: `http://${host}` })
      expect([host, reply.status, JSON.parse(reply.body).data?.displayName]).toEqual([host, 200, '陈明华'])
    }
    expect((await whoami({ origin: 'https://jf.example.cn', host: 'jf.example.cn' })).status).toBe(200)
    expect((await whoami({})).status).toBe(200)
  })
})

describe('every answer says its content type is meant', () => {
  it('When anything is answered (a function, a refusal, a missing route, a photo), then X-Content-Type-Options is nosniff', async () => {
    const replies = [
      await whoami({}),
      await whoami({ host: 'evil.example.com' }),
      await call({ path: '/api/nothing' }),
      await call({ path: '/api/photos/0b7f3c1e-9a55-4c55-9d0e-3a1f6a7b8c9d.jpg' }),
      await call({ path: '/index.html' }),
    ]
    expect(replies.map((r) => r.headers['x-content-type-options'])).toEqual(replies.map(() => 'nosniff'))
  })
})

describe('photo uploads', () => {
  const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 1)])
  const upload = (openid: string) => call({ method: 'POST', path: '/api/photos', headers: { 'x-dev-openid': openid }, body: jpeg })

  it('When someone the village does not know (no household, no staff role) uploads, then it is refused and nothing is stored', async () => {
    const stranger = await upload('a-passer-by')
    expect(stranger.status).toBe(403)
    expect(JSON.parse(stranger.body).error.code).toBe('NOT_REGISTERED')
    const noHeader = await call({ method: 'POST', path: '/api/photos', body: jpeg })
    expect(noHeader.status).toBe(401)
  })

  it('When a villager, a grid leader and a merchant’s owner upload, then their photos are stored and served back as images with nosniff', async () => {
    for (const openid of ['demo-villager', 'demo-grid-leader', 'demo-merchant']) {
      const reply = await upload(openid)
      expect([openid, reply.status]).toEqual([openid, 200])
      const fileId: string = JSON.parse(reply.body).data.fileId
      const photo = await call({ path: `/api/photos/${fileId.slice('local://'.length)}` })
      expect(photo.headers['content-type']).toBe('image/jpeg')
      expect(photo.headers['x-content-type-options']).toBe('nosniff')
    }
  })

  it(`When one person uploads more than ${PHOTOS_PER_DAY} photos in a day, then the rest are refused in plain words and others may still upload`, async () => {
    const statuses: number[] = []
    for (let i = 0; i < PHOTOS_PER_DAY; i++) statuses.push((await upload('demo-villager-2')).status)
    expect(statuses.filter((s) => s !== 200)).toEqual([])
    const over = await upload('demo-villager-2')
    expect(over.status).toBe(422)
    expect(JSON.parse(over.body).error.message).toContain('请明天再传')
    expect((await upload('demo-cadre')).status).toBe(200)
  }, 60_000)
})
