import { randomBytes } from 'node:crypto'
import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import path from 'node:path'
import { privateFolder } from './data-dir'
import { StartRefusal } from './start-refusal'

/** The lock file inside DATA_DIR; PGlite is a single-process database, so one process per folder. */
export const LOCK_FILE = 'gateway.lock'

/** Who holds a data folder, as its lock file says. */
export type LockHolder = {
  pid: number
  /** The process's start time from /proc (Linux), so a recycled pid is not taken for the holder. */
  started: string | null
  host: string
  purpose: 'gateway' | 'db:backup' | 'db:restore' | 'demo:reset' | 'check:totals' | 'clock'
  /** The gateway's port, where `npm run db:backup` asks it for a copy. */
  port: number | null
  /** The secret the gateway's admin routes ask for; the file is readable by its owner only. */
  adminToken: string | null
  /** UTC. */
  since: string
}

export type DataDirLock = {
  holder: LockHolder
  /** Removes the lock file if it is still ours; `folder` when the folder was renamed meanwhile (a restore). */
  release(folder?: string): void
}

const ATTEMPTS = 200
const WAIT_MS = 25

/**
 * Takes the data folder for this process before anything opens its database. The lock file is
 * written whole and then hard-linked into place, so it appears complete or not at all and only one
 * process can create it. A lock whose process is gone is stale: it is removed under a second
 * lock (the takeover file) and only if it is still the same stale lock, so two starts racing for
 * one stale lock cannot both win. Held by a live process: a StartRefusal naming it. A folder others
 * on this computer can open is refused first (privateFolder).
 */
export function lockDataDir(folder: string, claim: { purpose: LockHolder['purpose']; port?: number }): DataDirLock {
  privateFolder(folder)
  const file = path.join(folder, LOCK_FILE)
  const holder: LockHolder = {
    pid: process.pid,
    started: processStart(process.pid),
    host: hostname(),
    purpose: claim.purpose,
    port: claim.port ?? null,
    adminToken: claim.purpose === 'gateway' ? randomBytes(24).toString('hex') : null,
    since: new Date().toISOString(),
  }
  const text = JSON.stringify(holder)
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (createExclusive(file, text)) {
      return {
        holder,
        release: (at = folder) => {
          const current = path.join(at, LOCK_FILE)
          if (readText(current) === text) unlinkQuietly(current)
        },
      }
    }
    const existing = readText(file)
    if (existing === null) continue
    const other = parseHolder(existing)
    if (other && isAlive(other)) throw new StartRefusal(heldMessage(folder, other))
    removeStaleLock(file, existing)
  }
  throw new StartRefusal(`数据文件夹 ${folder} 的锁一直在变，没能拿到；请稍后再试 (could not lock ${file})`)
}

/** The live process holding the folder, or null when none does (no lock, or a stale one). */
export function liveHolder(folder: string): LockHolder | null {
  const existing = readText(path.join(folder, LOCK_FILE))
  const holder = existing === null ? null : parseHolder(existing)
  return holder && isAlive(holder) ? holder : null
}

/** One line for the person at the terminal: who holds the folder and how to stop it. */
export function heldMessage(folder: string, holder: LockHolder): string {
  const what = {
    gateway: `善治积分正在运行${holder.port ? `，http://127.0.0.1:${holder.port}/` : ''}`,
    'db:backup': '正在备份',
    'db:restore': '正在恢复备份',
    'demo:reset': '正在重置演示数据',
    'check:totals': '正在核对积分合计',
    clock: '正在运行定时任务',
  }[holder.purpose]
  if (holder.host !== hostname()) {
    return `数据文件夹 ${folder} 正被电脑 ${holder.host} 上的进程 ${holder.pid} 使用（${what}）。请先在那台电脑上停止它。`
  }
  return `数据文件夹 ${folder} 正被进程 ${holder.pid} 使用（${what}）。要停止它：在它的终端按 Ctrl+C，或运行 kill ${holder.pid}。`
}

function removeStaleLock(file: string, staleText: string) {
  const takeover = `${file}.takeover`
  if (!createExclusive(takeover, JSON.stringify({ pid: process.pid, started: processStart(process.pid), host: hostname() }))) {
    const other = readText(takeover)
    const otherHolder = other === null ? null : parseHolder(other)
    // A takeover whose process died within its few milliseconds is itself stale.
    if (other !== null && otherHolder && !isAlive(otherHolder)) unlinkQuietly(takeover)
    else sleep(WAIT_MS)
    return
  }
  try {
    if (readText(file) === staleText) unlinkQuietly(file)
  } finally {
    unlinkQuietly(takeover)
  }
}

/** Creates `file` with `text` unless it exists: written to a draft first, then linked (atomic). */
function createExclusive(file: string, text: string): boolean {
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`
  writeFileSync(draft, text, { mode: 0o600 })
  try {
    linkSync(draft, file)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  } finally {
    unlinkQuietly(draft)
  }
}

function isAlive(holder: Pick<LockHolder, 'pid' | 'started' | 'host'>): boolean {
  // Processes on another machine (a shared folder) cannot be seen from here: assume it runs.
  if (holder.host !== hostname()) return true
  try {
    process.kill(holder.pid, 0)
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
  const started = processStart(holder.pid)
  return holder.started === null || started === null || started === holder.started
}

/** Field 22 of /proc/<pid>/stat (start time in clock ticks since boot); null where there is no /proc. */
function processStart(pid: number): string | null {
  const stat = readText(`/proc/${pid}/stat`)
  if (stat === null) return null
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null
}

function parseHolder(text: string): LockHolder | null {
  try {
    const value = JSON.parse(text) as LockHolder
    return Number.isInteger(value.pid) && value.pid > 0 && typeof value.host === 'string' ? value : null
  } catch {
    return null
  }
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

function unlinkQuietly(file: string) {
  try {
    unlinkSync(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
}

function sleep(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}
