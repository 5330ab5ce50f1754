import { openMigratedDatabase } from '../server/store/open-database'

/** `npm run db:migrate`: applies the committed migrations to the PostgreSQL server at DATABASE_URL. */
async function main() {
  const databaseUrl = process.env.DATABASE_URL
  if (!databaseUrl) throw new Error('DATABASE_URL is not set: name the PostgreSQL server to migrate')
  const database = await openMigratedDatabase({ databaseUrl })
  await database.close()
  console.log(`migrations applied to ${new URL(databaseUrl).host}${new URL(databaseUrl).pathname}`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
