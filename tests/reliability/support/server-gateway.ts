import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { startGateway, type RunningGateway } from '../../e2e/support/gateway'
import type { Figures } from './figures'
import { createServerDatabase, type ServerDatabase } from './server-database'

/** What a reliability suite file runs against; `gateway` is replaced when a test restarts it. */
export type ServerWorld = { database: ServerDatabase; gateway: RunningGateway; dataDir: string }

/**
 * The real gateway process (API only) on a throwaway PostgreSQL database with its own data folder,
 * started before the file's tests; after them it is stopped, everything removed and the figures printed.
 */
export function startServerGateway(figures: Figures): ServerWorld {
  const world = {} as ServerWorld
  beforeAll(async () => {
    world.database = await createServerDatabase()
    world.dataDir = mkdtempSync(path.join(tmpdir(), 'shanzhi-reliability-'))
    world.gateway = await startGateway({ databaseUrl: world.database.url, dataDir: world.dataDir, apiOnly: true })
  }, 120_000)
  afterAll(async () => {
    await world.gateway?.stop()
    await world.database?.drop()
    if (world.dataDir) rmSync(world.dataDir, { recursive: true, force: true })
    figures.print()
  }, 60_000)
  return world
}
