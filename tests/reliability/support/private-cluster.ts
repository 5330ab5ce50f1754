import { execFileSync, spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * A PostgreSQL cluster of the test's own (initdb, pg_ctl) with the max_connections it asks for, and
 * PgBouncer in transaction mode in front of it: what the burst needs and the shared server on 5432
 * cannot give (its own connection limit). Both run as the `postgres` user when the test runs as root
 * (initdb and PgBouncer refuse root), listen on 127.0.0.1 only and are stopped by `stop`.
 */
export type PrivateCluster = { directUrl(database: string): string; poolerUrl(database: string): string; stop(): void }

/** The binaries the cluster needs, or the sentence saying which is missing. */
export function clusterTools(): { initdb: string; pgCtl: string; pgbouncer: string } | string {
  const find = (name: string, dirs: string[]) => {
    const onPath = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim()
    return onPath || dirs.map((dir) => join(dir, name)).find((path) => existsSync(path))
  }
  const pgDirs = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql').sort().reverse().map((version) => `/usr/lib/postgresql/${version}/bin`)
    : []
  const initdb = find('initdb', pgDirs)
  const pgCtl = find('pg_ctl', pgDirs)
  const pgbouncer = find('pgbouncer', ['/usr/sbin', '/usr/bin'])
  if (!initdb || !pgCtl) return 'initdb/pg_ctl not found (PostgreSQL server binaries)'
  if (!pgbouncer) return 'pgbouncer not found (apt-get install pgbouncer)'
  return { initdb, pgCtl, pgbouncer }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

export async function startPrivateCluster(options: { maxConnections: number; poolerServerConnections: number }): Promise<PrivateCluster> {
  const tools = clusterTools()
  if (typeof tools === 'string') throw new Error(tools)
  const asRoot = process.getuid?.() === 0
  const owner = asRoot ? Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()) : undefined
  const run = (command: string, args: string[]) =>
    execFileSync(asRoot ? 'runuser' : command, asRoot ? ['-u', 'postgres', '--', command, ...args] : args, { stdio: 'pipe' })
  const home = mkdtempSync(join(tmpdir(), 'burst-cluster-'))
  const dataDir = join(home, 'data')
  if (owner !== undefined) chownSync(home, owner, owner)
  const [pgPort, poolerPort] = [await freePort(), await freePort()]
  let pgbouncerPid: number | undefined
  let clusterStarted = false
  const stop = () => {
    if (pgbouncerPid) {
      try {
        process.kill(pgbouncerPid, 'SIGTERM')
      } catch {
        // already gone
      }
      pgbouncerPid = undefined
    }
    if (clusterStarted) {
      clusterStarted = false
      try {
        run(tools.pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop'])
      } catch {
        // already stopped
      }
    }
    rmSync(home, { recursive: true, force: true })
  }
  try {
    run(tools.initdb, ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'])
    const settings = [
      `-p ${pgPort}`,
      '-c listen_addresses=127.0.0.1',
      `-c unix_socket_directories=${home}`,
      `-c max_connections=${options.maxConnections}`,
      // A shared, noisy machine: no fsync, so the burst measures connections and queries, not the disk.
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c shared_buffers=32MB',
    ].join(' ')
    run(tools.pgCtl, ['-D', dataDir, '-l', join(home, 'postgres.log'), '-w', '-o', settings, 'start'])
    clusterStarted = true

    const ini = join(home, 'pgbouncer.ini')
    writeFileSync(join(home, 'users.txt'), '"postgres" ""\n')
    writeFileSync(
      ini,
      [
        '[databases]',
        `* = host=127.0.0.1 port=${pgPort}`,
        '[pgbouncer]',
        'listen_addr = 127.0.0.1',
        `listen_port = ${poolerPort}`,
        'unix_socket_dir =',
        'auth_type = trust',
        `auth_file = ${join(home, 'users.txt')}`,
        'pool_mode = transaction',
        'max_client_conn = 900',
        `default_pool_size = ${options.poolerServerConnections}`,
        `max_db_connections = ${options.poolerServerConnections}`,
        'query_wait_timeout = 60',
        `pidfile = ${join(home, 'pgbouncer.pid')}`,
        `logfile = ${join(home, 'pgbouncer.log')}`,
        '',
      ].join('\n'),
    )
    if (owner !== undefined) execFileSync('chown', ['-R', 'postgres', home])
    execFileSync(tools.pgbouncer, ['-d', ...(asRoot ? ['-u', 'postgres'] : []), ini], { stdio: 'pipe' })
    for (let i = 0; i < 50 && !pgbouncerPid; i++) {
      if (existsSync(join(home, 'pgbouncer.pid'))) pgbouncerPid = Number(readFileSync(join(home, 'pgbouncer.pid'), 'utf8').trim()) || undefined
      if (!pgbouncerPid) await new Promise((resolve) => setTimeout(resolve, 100))
    }
    if (!pgbouncerPid) throw new Error('pgbouncer did not start')
  } catch (error) {
    stop()
    throw error
  }
  return {
    directUrl: (database) => `postgres://postgres@127.0.0.1:${pgPort}/${database}`,
    poolerUrl: (database) => `postgres://postgres@127.0.0.1:${poolerPort}/${database}`,
    stop,
  }
}
