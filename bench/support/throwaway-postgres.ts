import { createThrowawayDatabase } from '../../server/test-support/throwaway-database'

/** The PostgreSQL server the benchmarks use: DATABASE_URL, or the project machine's local server. */
export const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

/** Makes a fresh database on the server, hands its URL to `work`, and drops it afterwards (also when `work` fails). */
export async function withThrowawayDatabase<T>(prefix: string, work: (url: string) => Promise<T>): Promise<T> {
  const throwaway = await createThrowawayDatabase(SERVER_URL, prefix)
  try {
    return await work(throwaway.url)
  } finally {
    await throwaway.drop()
  }
}
