import { spawn } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { LOCK_FILE } from '../../server/gateway/data-dir-lock'
import { freePort, runGatewayToExit } from '../e2e/support/gateway'
import { Figures } from './support/figures'
import { gatewayWorld } from './support/gateway-world'
import { runScript } from './support/run-script'

/**
 * Issue 22, an attacker with an account of his own on the same computer: the data folder, backups
 * and the admin code's picture are the owner's alone, and demo identities never come by default.
 */
const figures = new Figures('local secrets (private data folder, backups, admin code picture, demo only on request)')
const world = gatewayWorld('pglite', figures)
const scratch = mkdtempSync(path.join(tmpdir(), 'shanzhi-local-secrets-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const ROOT = path.resolve(__dirname, '../..')

/** Every file and folder under `folder` that anyone but its owner may read, write or enter. */
function openToOthers(folder: string): string[] {
  const found: string[] = []
  const visit = (at: string) => {
    const mode = statSync(at).mode
    if ((mode & 0o077) !== 0) found.push(`${path.relative(folder, at) || '.'} ${(mode & 0o777).toString(8)}`)
    if (statSync(at).isDirectory()) for (const entry of readdirSync(at)) visit(path.join(at, entry))
  }
  visit(folder)
  return found
}

/** Runs the gateway's main with `env` added and waits for it to end by itself (a refused start). */
function startToExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const { DATABASE_URL: _server, DEMO: _demo, ...inherited } = process.env
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/gateway/main.ts'], { cwd: ROOT, env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, output: output.trim() })
    }),
  )
}

describe('the data folder is its owner’s alone', () => {
  it('When the gateway has started and seeded the demo (database, photos, card key, lock), then no file or folder in DATA_DIR is open to group or others', async () => {
    // The card key is made on the first token; a photo folder by the seed.
    expect(readdirSync(world.dataDir)).toEqual(expect.arrayContaining(['PG_VERSION', LOCK_FILE, 'photos']))
    expect(statSync(world.dataDir).mode & 0o777).toBe(0o700)
    const open = openToOthers(world.dataDir)
    figures.add('files checked', readdirSync(world.dataDir, { recursive: true }).length)
    expect(open).toEqual([])
  })

  it('When the data folder is one others can read (0755), then the gateway does not start, says which chmod to run, and writes nothing in it', async () => {
    const folder = path.join(scratch, 'open-folder')
    mkdirSync(folder)
    chmodSync(folder, 0o755)
    const refused = await runGatewayToExit({ port: await freePort(), dataDir: folder })
    expect(refused.code).not.toBe(0)
    expect(refused.output).toContain(`chmod -R go-rwx '${folder}'`)
    expect(readdirSync(folder)).toEqual([])
  }, 120_000)
})

describe('backups', () => {
  it('When a backup is made of the running gateway, then it lies in a private folder, is readable by its owner only, and does not carry the gateway’s lock or its backup token', async () => {
    const token = (JSON.parse(readFileSync(path.join(world.dataDir, LOCK_FILE), 'utf8')) as { adminToken: string }).adminToken
    const folder = path.join(scratch, 'backups')
    const file = path.join(folder, 'copy.tar.gz')
    const backup = await runScript('db-backup.ts', [file], world.dataDir)
    expect(backup.code).toBe(0)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(statSync(folder).mode & 0o077).toBe(0)
    const tar = gunzipSync(readFileSync(file))
    expect(tar.includes(Buffer.from(token))).toBe(false)
    expect(tar.includes(Buffer.from(`/${LOCK_FILE}`))).toBe(false)
    // Still a whole copy: it restores.
    const restore = await runScript('db-restore.ts', [file], path.join(scratch, 'restored'))
    expect(restore.code).toBe(0)
    expect(openToOthers(path.join(scratch, 'restored'))).toEqual([])
  }, 300_000)
})

describe('the administrator code’s picture', () => {
  it('When setup saves the admin code as a PNG, then only its owner can read the file, even one that was there before', async () => {
    const dataDir = path.join(scratch, 'setup-data')
    const png = path.join(scratch, 'admin-code.png')
    const first = await runScript('setup.ts', ['--street', '核对街道', '--png', png], dataDir)
    expect(first.code).toBe(0)
    expect(statSync(png).mode & 0o777).toBe(0o600)
    chmodSync(png, 0o644)
    const again = await runScript('setup.ts', ['--street', '核对街道', '--new-admin-code', '--png', png], dataDir)
    expect(again.code).toBe(0)
    expect(statSync(png).mode & 0o777).toBe(0o600)
    expect(openToOthers(dataDir)).toEqual([])
  }, 180_000)
})

describe('demo identities only on request', () => {
  it('When DEMO=1 is given with a DATABASE_URL and no DEMO_ON_DATABASE_URL=1, then the gateway does not start and says why, before it connects anywhere', async () => {
    const refused = await startToExit({ DEMO: '1', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/street', PORT: String(await freePort()), DATA_DIR: path.join(scratch, 'never') })
    expect(refused.code).not.toBe(0)
    expect(refused.output).toContain('DEMO_ON_DATABASE_URL=1')
    expect(refused.output.split('\n')).toHaveLength(1)
  }, 120_000)
})
