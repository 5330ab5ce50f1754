import { createServer } from 'node:http'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { cloudFunctions } from '../functions'
import { DEMO_IDENTITIES, seedDemoIfEmpty } from '../store/demo-seed'
import { openMigratedDatabase } from '../store/open-database'
import { createGateway } from './gateway'
import { localPlatform } from './local-platform'

/**
 * `npm start`: the local gateway in demo mode over the built H5 app.
 * PORT (default 8787), DATA_DIR (default .data/, PGlite) or DATABASE_URL (a PostgreSQL server),
 * DEMO=0 to switch demo identities off, DEMO_SEED=0 to keep demo identities but start without the
 * demo village (a street put into use with `npm run setup`, as the empty-database journey does).
 */
async function main() {
  const root = path.resolve(__dirname, '../..')
  const port = Number(process.env.PORT ?? 8787)
  const demoMode = process.env.DEMO !== '0'
  const dataDir = path.resolve(root, process.env.DATA_DIR ?? '.data')
  const database = await openMigratedDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir })
  const seedDemo = demoMode && process.env.DEMO_SEED !== '0'
  if (seedDemo && (await seedDemoIfEmpty(database.db, { history: true }))) console.log('已写入演示村数据 (demo village seeded)')
  const staticDir = path.join(root, 'dist-h5')
  if (!existsSync(staticDir)) console.warn('dist-h5/ is missing: run `npm run build:h5` to serve the app')
  const server = createServer(
    createGateway({
      db: database.db,
      functions: cloudFunctions,
      platform: localPlatform,
      demoMode,
      demoIdentities: seedDemo ? DEMO_IDENTITIES : [],
      staticDir,
      photoDir: path.join(dataDir, 'photos'),
    }),
  )
  server.listen(port, '127.0.0.1', () => {
    const where = database.engine === 'pglite' ? `PGlite at ${dataDir}` : 'PostgreSQL (DATABASE_URL)'
    console.log(`善治积分 running at http://127.0.0.1:${port}/  (${demoMode ? 'demo mode' : 'demo off'}, ${where})`)
  })
  const stop = () => server.close(() => database.close().then(() => process.exit(0)))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
