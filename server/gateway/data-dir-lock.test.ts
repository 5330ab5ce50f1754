import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import path from 'node:path'
import { LOCK_FILE, liveHolder, lockDataDir } from './data-dir-lock'
import { StartRefusal } from './start-refusal'

const ROOT = path.resolve(__dirname, '../..')
let folder: string
beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'shanzhi-lock-'))
})
afterEach(() => rmSync(folder, { recursive: true, force: true }))

/** The pid of a process that has already ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!
}

function writeLock(holder: Record<string, unknown>) {
  writeFileSync(path.join(folder, LOCK_FILE), JSON.stringify({ host: hostname(), purpose: 'gateway', port: 8787, adminToken: 'x', since: '2026-11-29T00:00:00Z', started: null, ...holder }))
}

describe('the data folder lock', () => {
  it('When the folder is locked, then a second lock is refused with one line naming the process and how to stop it', () => {
    const lock = lockDataDir(folder, { purpose: 'gateway', port: 8787 })
    let refusal: unknown
    try {
      lockDataDir(folder, { purpose: 'gateway', port: 8788 })
    } catch (error) {
      refusal = error
    }
    expect(refusal).toBeInstanceOf(StartRefusal)
    const message = (refusal as Error).message
    expect(message).not.toContain('\n')
    expect(message).toContain(`进程 ${process.pid}`)
    expect(message).toContain('http://127.0.0.1:8787/')
    expect(message).toContain(`kill ${process.pid}`)
    lock.release()
    expect(existsSync(path.join(folder, LOCK_FILE))).toBe(false)
  })

  it('When the process that held the folder is gone, then its lock is stale and the next one takes the folder over', () => {
    writeLock({ pid: deadPid() })
    expect(liveHolder(folder)).toBeNull()
    const lock = lockDataDir(folder, { purpose: 'gateway', port: 8787 })
    expect(JSON.parse(readFileSync(path.join(folder, LOCK_FILE), 'utf8')).pid).toBe(process.pid)
    expect(liveHolder(folder)?.pid).toBe(process.pid)
    lock.release()
  })

  it('When the pid in the lock now belongs to another process (it started later), then the lock is stale too', () => {
    writeLock({ pid: process.pid, started: '1' })
    expect(liveHolder(folder)).toBeNull()
    lockDataDir(folder, { purpose: 'db:backup' }).release()
  })

  it('When a lock is released after another process took the folder over, then that other lock stays', () => {
    const lock = lockDataDir(folder, { purpose: 'db:backup' })
    writeLock({ pid: process.ppid })
    lock.release()
    expect(liveHolder(folder)?.pid).toBe(process.ppid)
  })

  it('When six processes start at once on a folder with a stale lock, then exactly one gets it and the others are refused', async () => {
    writeLock({ pid: deadPid() })
    // Each prints what it got; a winner keeps the lock (and stays alive) until every one has answered.
    const script = `
      const { lockDataDir } = require(${JSON.stringify(path.join(__dirname, 'data-dir-lock.ts'))})
      try { lockDataDir(process.argv[1], { purpose: 'gateway' }); console.log('won'); setInterval(() => {}, 1000) }
      catch (error) { console.log('refused ' + error.message) }`
    const children = Array.from({ length: 6 }, () => spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['-e', script, folder], { cwd: ROOT }))
    const outcomes = await Promise.all(
      children.map((child) => {
        let out = ''
        return new Promise<string>((resolve) => {
          child.stdout.on('data', (chunk: Buffer) => {
            out += chunk.toString()
            if (out.includes('\n')) resolve(out.trim())
          })
          child.once('exit', () => resolve(out.trim()))
        })
      }),
    )
    for (const child of children) child.kill()
    expect(outcomes.filter((o) => o === 'won')).toHaveLength(1)
    expect(outcomes.filter((o) => o.startsWith('refused ') && o.includes('kill '))).toHaveLength(5)
  }, 60_000)
})
