import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs'
import { createServer, request, type Server } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { count, like } from 'drizzle-orm'
import { cloudFunctions } from '../functions'
import type { Database } from '../store/database'
import { DEMO_IDENTITIES } from '../demo/seed'
import { idempotencyKeys } from '../store/schema'
import { openDemoTestDatabase } from '../test-support/test-database'
import { createGateway } from './gateway'
import { localPlatform } from '../platform/local/platform'

/**
 * Whatever one request does (goes away mid-body, mid-download, asks for a file a rebuild just
 * removed), the gateway answers everyone else. It runs in this test's process: an error that
 * escaped a request would fail the test run itself.
 */
let database: Database
let server: Server
let base: string
let folder: string
const BIG = 8 * 1024 * 1024

/** A build folder like dist-h5/: index.html, a stylesheet and a large script. */
function writeBuild(name: string, scriptName: string): string {
  const build = path.join(folder, name)
  mkdirSync(path.join(build, 'static'), { recursive: true })
  writeFileSync(path.join(build, 'index.html'), `<!doctype html><script src="/static/${scriptName}"></script>`)
  writeFileSync(path.join(build, 'static', 'app.css'), 'body { font-size: 20px }')
  writeFileSync(path.join(build, 'static', scriptName), Buffer.alloc(BIG, 'a'))
  return build
}

beforeAll(async () => {
  database = await openDemoTestDatabase()
  folder = mkdtempSync(path.join(tmpdir(), 'shanzhi-faults-'))
  symlinkSync(writeBuild('build-1', 'app.1111.js'), path.join(folder, 'dist-h5'))
  server = createServer(
    createGateway({
      db: database.db,
      functions: cloudFunctions,
      platform: localPlatform,
      demoMode: true,
      demoIdentities: DEMO_IDENTITIES,
      staticDir: path.join(folder, 'dist-h5'),
    }),
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}, 60_000)
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
  await database.close()
  rmSync(folder, { recursive: true, force: true })
}, 60_000)

const whoami = async () => {
  const res = await fetch(`${base}/api/functions/account`, { method: 'POST', headers: { 'x-dev-openid': 'demo-villager' }, body: '{"action":"whoami"}' })
  return { status: res.status, name: ((await res.json()) as { data?: { displayName?: string } }).data?.displayName }
}

/** Ten villagers asking at the same time as the fault: every one gets their answer. */
async function othersAreAnswered(fault: () => Promise<unknown>) {
  const [answers] = await Promise.all([Promise.all(Array.from({ length: 10 }, whoami)), fault()])
  expect(answers).toEqual(Array.from({ length: 10 }, () => ({ status: 200, name: '张建国' })))
  expect(await whoami()).toEqual({ status: 200, name: '张建国' })
}

/** Sends raw bytes and then drops the connection. */
function sendAndHangUp(bytes: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(new URL(base).port), '127.0.0.1', () => {
      socket.write(bytes, () => setTimeout(() => socket.destroy(), 50))
    })
    socket.on('close', () => resolve())
    socket.on('error', reject)
  })
}

/** Starts downloading `pathname`, reads the first chunk, then goes away. */
function downloadAndHangUp(pathname: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${pathname}`, (res) => {
      res.once('data', () => req.destroy())
    })
    req.on('close', () => resolve())
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? resolve() : reject(error)))
    req.end()
  })
}

describe('request faults never reach the process', () => {
  it('When clients hang up in the middle of a request body, then nothing runs for them and everyone else is answered', async () => {
    await othersAreAnswered(() =>
      Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          sendAndHangUp(
            `POST /api/functions/score HTTP/1.1\r\nHost: x\r\nX-Dev-OpenId: demo-cadre\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"action":"submit","requestId":"cut-off-${i}-x",`,
          ),
        ),
      ),
    )
    const [{ n }] = await database.db.select({ n: count() }).from(idempotencyKeys).where(like(idempotencyKeys.requestId, 'cut-off-%'))
    expect(n).toBe(0)
  })

  it('When clients hang up in the middle of a large file, then those streams end and everyone else is answered', async () => {
    await othersAreAnswered(() => Promise.all(Array.from({ length: 5 }, () => downloadAndHangUp('/static/app.1111.js'))))
  })

  it('When a file is removed while it is being sent, then it still arrives whole', async () => {
    const file = path.join(folder, 'build-1', 'static', 'app.1111.js')
    const res = await fetch(`${base}/static/app.1111.js`)
    unlinkSync(file)
    expect(res.status).toBe(200)
    expect((await res.arrayBuffer()).byteLength).toBe(BIG)
    writeFileSync(file, Buffer.alloc(BIG, 'a'))
  })

  it('When a rebuild swaps the app, then the new files are served, an old file is a 404 and a missing app a 503, never a crash', async () => {
    const next = writeBuild('build-2', 'app.2222.js')
    symlinkSync(next, path.join(folder, 'dist-h5.next'))
    renameSync(path.join(folder, 'dist-h5.next'), path.join(folder, 'dist-h5'))
    await othersAreAnswered(async () => {
      expect((await fetch(`${base}/static/app.1111.js`)).status).toBe(404)
      expect(await (await fetch(`${base}/`)).text()).toContain('app.2222.js')
    })
    // Rebuilt in place (plain `taro build` empties the folder first): "being updated", then back.
    renameSync(path.join(next, 'index.html'), path.join(folder, 'index.html.away'))
    const during = await fetch(`${base}/`)
    expect(during.status).toBe(503)
    expect(((await during.json()) as { error: { message: string } }).error.message).toContain('应用正在更新')
    renameSync(path.join(folder, 'index.html.away'), path.join(next, 'index.html'))
    expect((await fetch(`${base}/`)).status).toBe(200)
  })

  it('When a URL cannot be decoded or climbs out of the app folder, then a plain 404 and everyone else is answered', async () => {
    await othersAreAnswered(async () => {
      for (const pathname of ['/api/functions/%E0%A4%A', '/%E0%A4%A', '/static/..%2f..%2fbuild-1/index.html', '/.env']) {
        const res = await fetch(`${base}${pathname}`, { method: pathname.startsWith('/api/') ? 'POST' : 'GET', body: pathname.startsWith('/api/') ? '{}' : undefined })
        expect(res.status).toBe(404)
      }
    })
  })
})
