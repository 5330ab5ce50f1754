import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { startGateway, type RunningGateway } from '../../e2e/support/gateway'
import { withEmbeddedDatabase } from './embedded-database'
import type { Figures } from './figures'
import { createServerDatabase, type Rows, type ServerDatabase } from './server-database'

export type Engine = 'pglite' | 'postgres'

/** The real gateway process (API only) on one engine, which a test may kill, stop, restart and inspect. */
export type GatewayWorld = {
  gateway: RunningGateway
  dataDir: string
  /** Starts the gateway on the same database, folder and port unless it runs. */
  ensureRunning(): Promise<void>
  /** SIGKILL, as a power cut would. */
  kill(): Promise<void>
  /**
   * Runs queries on the database. The embedded one is the gateway's alone, so the gateway is first
   * stopped cleanly (and stays stopped until ensureRunning); a server database is read beside it.
   */
  inspect<T>(check: (database: Rows) => Promise<T>): Promise<T>
}

/**
 * Registers the file's setup and teardown: a fresh database (a throwaway one on the PostgreSQL
 * server, or PGlite in a fresh data folder) with the gateway started on it; afterwards everything
 * is stopped and removed and the figures printed.
 */
export function gatewayWorld(engine: Engine, figures: Figures): GatewayWorld {
  let server: ServerDatabase | undefined
  let running = false
  const world: GatewayWorld = {
    gateway: undefined as unknown as RunningGateway,
    dataDir: '',
    async ensureRunning() {
      if (running) return
      world.gateway = await startGateway({ databaseUrl: server?.url, dataDir: world.dataDir, port: world.gateway?.port, apiOnly: true })
      running = true
    },
    async kill() {
      await world.gateway.kill()
      running = false
    },
    async inspect(check) {
      if (server) return check(server)
      if (running) await world.gateway.stop()
      running = false
      return withEmbeddedDatabase(world.dataDir, check)
    },
  }
  beforeAll(async () => {
    if (engine === 'postgres') server = await createServerDatabase()
    world.dataDir = mkdtempSync(path.join(tmpdir(), `shanzhi-reliability-${engine}-`))
    await world.ensureRunning()
  }, 300_000)
  afterAll(async () => {
    await world.gateway?.stop()
    await server?.drop()
    if (world.dataDir) rmSync(world.dataDir, { recursive: true, force: true })
    figures.print()
  }, 120_000)
  return world
}
