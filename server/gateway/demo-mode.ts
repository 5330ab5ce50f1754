import { StartRefusal } from './start-refusal'

export type DemoSettings = {
  /** The X-Dev-OpenId header is taken as the caller: anyone who can reach the gateway is anyone. */
  demoMode: boolean
  /** The demo village is written into an empty database. */
  seedDemo: boolean
}

/**
 * Demo identities only when asked for by name: DEMO=1 (`npm start` sets it). Unset, 0, false, off or
 * anything else is no demo. Never against a PostgreSQL server (DATABASE_URL), which may hold a real
 * street, unless a second switch says so (DEMO_ON_DATABASE_URL=1, as the test suites' throwaway databases do).
 */
export function demoSettings(env: NodeJS.ProcessEnv): DemoSettings {
  const demoMode = env.DEMO === '1'
  if (demoMode && env.DATABASE_URL && env.DEMO_ON_DATABASE_URL !== '1') {
    throw new StartRefusal(
      '演示模式（DEMO=1）下谁都能冒充任何人，不能连到 DATABASE_URL 指的 PostgreSQL 数据库，没有启动。' +
        '真要在这个数据库上演示，请再加 DEMO_ON_DATABASE_URL=1；否则去掉 DEMO=1。',
    )
  }
  return { demoMode, seedDemo: demoMode && env.DEMO_SEED !== '0' }
}
