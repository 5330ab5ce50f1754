import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '../../..')
// The first start seeds the living demo (a year of history), which takes a while on a busy machine.
const START_TIMEOUT_MS = 180_000

/** A local gateway (`server/gateway/main.ts`) in demo mode on a free port over a fresh database. */
export type RunningGateway = {
  baseUrl: string
  port: number
  stop(): Promise<void>
  /** SIGKILL to the whole process group, as a power cut would: no shutdown, nothing cleaned up. */
  kill(): Promise<void>
  /** Everything it printed so far (stdout and stderr). */
  output(): string
  /** The process group (tsx and the node process it runs), for signals sent the way a terminal sends Ctrl+C. */
  pid: number
  /** Resolves with its exit code (null when a signal ended it) once it has exited. */
  exited: Promise<number | null>
}

export type GatewayOptions = {
  /** A PostgreSQL database for the gateway (its DATABASE_URL). Default: embedded PGlite in the data folder. */
  databaseUrl?: string
  /** Use this data folder and keep it on stop (a restart then finds the same card key). Default: a fresh one, removed on stop. */
  dataDir?: string
  /** Listen on this port (a restart answers where the clients already send). Default: a free one. */
  port?: number
  /** Only the API is needed (the H5 app may be unbuilt): the reliability suite. */
  apiOnly?: boolean
  /** false: demo identities (X-Dev-OpenId) but no demo village, for a street put into use by `npm run setup`. */
  demoSeed?: boolean
}

/** Asks the OS for a free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

/**
 * Starts the gateway as a child process in its own process group and resolves once it prints
 * "running at". The H5 app must be built (dist-h5/).
 */
export async function startGateway(options: GatewayOptions = {}): Promise<RunningGateway> {
  if (!options.apiOnly && !existsSync(path.join(ROOT, 'dist-h5/index.html'))) {
    throw new Error('dist-h5/ is missing: run `npm run build:h5` before the end-to-end tests')
  }
  const port = options.port ?? (await freePort())
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'shanzhi-e2e-'))
  const { child, output } = spawnGateway(port, dataDir, options)
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const stop = async () => {
    await stopProcessGroup(child)
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true })
  }
  const kill = async () => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    signalGroup(child.pid, 'SIGKILL')
    await exited
  }
  try {
    await waitForOutput(child, 'running at')
  } catch (error) {
    await stop()
    throw error
  }
  return { baseUrl: `http://127.0.0.1:${port}`, port, stop, kill, output, pid: child.pid!, exited }
}

/** Starts the gateway and waits for it to end by itself: a start that is refused. */
export async function runGatewayToExit(options: { port: number; dataDir: string }): Promise<{ code: number | null; output: string }> {
  const { child, output } = spawnGateway(options.port, options.dataDir, {})
  const timer = setTimeout(() => signalGroup(child.pid!, 'SIGKILL'), START_TIMEOUT_MS)
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  clearTimeout(timer)
  return { code, output: output() }
}

/** The gateway as a child process in its own process group, its output collected. */
function spawnGateway(port: number, dataDir: string, { databaseUrl, demoSeed }: Pick<GatewayOptions, 'databaseUrl' | 'demoSeed'>) {
  // The embedded database in a fresh folder unless a server database is named, even when CI sets
  // DATABASE_URL for other suites.
  const { DATABASE_URL: _ignored, ...env } = process.env
  // Node with tsx's loader, as `npm start` runs it: signals reach the gateway itself, not a tsx
  // parent that kills a busy child when it does not confirm a signal within milliseconds.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/gateway/main.ts'], {
    cwd: ROOT,
    env: {
      ...env,
      PORT: String(port),
      DATA_DIR: dataDir,
      DEMO: '1',
      DEMO_SEED: demoSeed === false ? '0' : '1',
      // A throwaway test database: demo identities on it are asked for by name.
      ...(databaseUrl ? { DATABASE_URL: databaseUrl, DEMO_ON_DATABASE_URL: '1' } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let text = ''
  const collect = (chunk: Buffer) => {
    text += chunk.toString()
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  return { child, output: () => text }
}

function waitForOutput(child: ChildProcess, marker: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => fail(new Error(`gateway did not start within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes(marker)) done()
    }
    const onExit = (code: number | null) => fail(new Error(`gateway exited (code ${code}) before it was ready:\n${output}`))
    const cleanup = () => {
      clearTimeout(timer)
      child.stdout?.off('data', onData)
      child.stderr?.off('data', onData)
      child.off('exit', onExit)
      // Keep draining output so a full pipe never blocks the gateway.
      child.stdout?.resume()
      child.stderr?.resume()
    }
    const done = () => {
      cleanup()
      resolve()
    }
    const fail = (error: Error) => {
      cleanup()
      reject(error)
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', onExit)
  })
}

/** SIGTERM to the whole process group, SIGKILL if it is still there after a few seconds. */
async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  signalGroup(child.pid, 'SIGTERM')
  const timedOut = await Promise.race([exited.then(() => false), delay(5_000).then(() => true)])
  if (timedOut) {
    signalGroup(child.pid, 'SIGKILL')
    await exited
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal)
  } catch {
    // Already gone.
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref())
}
