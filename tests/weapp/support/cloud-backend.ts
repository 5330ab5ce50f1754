import { existsSync, readFileSync } from 'node:fs'
import { Module } from 'node:module'
import path from 'node:path'
import vm from 'node:vm'
import { cloudFunctions } from '../../../server/functions'
import { cloudMain, cloudPushMain } from '../../../server/functions/cloud-main'
import type { Database } from '../../../server/store/database'
import { seedDemoIfEmpty } from '../../../server/demo/seed'
import { openMigratedDatabase } from '../../../server/store/open-database'
import { createThrowawayDatabase } from '../../../server/test-support/throwaway-database'
import type { WeChatWorld } from './wechat-world'
import * as wxServerSdk from './wx-server-sdk-stand-in'

const ROOT = path.resolve(__dirname, '../../..')

type CloudMain = (event: unknown) => Promise<unknown>

/** Where `wx.cloud.callFunction` lands: every cloud function of the app, and the database behind them. */
export type CloudBackend = {
  /** What runs: the uploaded bundles on PostgreSQL, or (without a server) the same handlers on PGlite. */
  readonly engine: string
  readonly database: Database
  /** What the functions logged (the cloud's log): the bundles' own; in-process handlers log to the test output. */
  readonly log: string[]
  call(name: string, event: unknown, openid: string): Promise<unknown>
  /** WeChat's message push reaching the wechatPush function through HTTP access (no caller: WeChat itself). */
  push(event: unknown): Promise<{ statusCode: number; body: string }>
  close(): Promise<void>
}

/**
 * The cloud side of a journey over a fresh database holding the demo street (as `npm start` seeds it).
 * With DATABASE_URL (CI) it runs the deploy artefacts `cloudfunctions/<fn>/index.js` — the exact
 * files that get uploaded — on a throwaway PostgreSQL database, each as WeChat loads it: its own
 * module scope, `wx-server-sdk` from the runtime (here the stand-in), DATABASE_URL from its environment.
 * Without a server the same handlers run in-process on PGlite through the same cloudMain entry.
 */
export async function startCloudBackend(world: WeChatWorld): Promise<CloudBackend> {
  wxServerSdk.attachWorld(world)
  // The wechatPush function's variable, as the operator sets it: the token typed in 消息推送.
  process.env.MESSAGE_PUSH_TOKEN = world.messagePushToken
  const serverUrl = process.env.DATABASE_URL
  if (!serverUrl) {
    const database = await openSeeded({})
    const mains = new Map<string, CloudMain>(Object.entries(cloudFunctions).map(([name, fn]) => [name, cloudMain(fn, () => Promise.resolve(database))]))
    mains.set('wechatPush', cloudPushMain(() => Promise.resolve(database)) as CloudMain)
    return backend('handlers on PGlite (no DATABASE_URL)', database, [], (name) => mains.get(name), () => database.close())
  }
  const throwaway = await createThrowawayDatabase(serverUrl, 'weapp')
  const database = await openSeeded({ databaseUrl: throwaway.url })
  const mains = new Map<string, CloudMain>()
  const log: string[] = []
  for (const name of [...Object.keys(cloudFunctions), 'wechatPush']) mains.set(name, loadBundle(name, throwaway.url, log))
  return backend('uploaded bundles on PostgreSQL', database, log, (name) => mains.get(name), async () => {
    await database.close()
    await throwaway.drop()
  })
}

async function openSeeded(options: { databaseUrl?: string }): Promise<Database> {
  const database = await openMigratedDatabase(options)
  await seedDemoIfEmpty(database.db, { history: true })
  return database
}

function backend(
  engine: string,
  database: Database,
  log: string[],
  main: (name: string) => CloudMain | undefined,
  close: () => Promise<void>,
): CloudBackend {
  return {
    engine,
    database,
    log,
    async push(event) {
      return (await main('wechatPush')!(event)) as { statusCode: number; body: string }
    },
    async call(name, event, openid) {
      const run = main(name)
      // WeChat answers an unknown function name with an error of its own, not with the app's envelope.
      if (!run) throw Object.assign(new Error(`cloud.callFunction:fail FunctionName parameter could not be found`), { errCode: -501000 })
      return wxServerSdk.runAs({ openid }, () => run(event))
    },
    close,
  }
}

/** A function's console writes to its cloud log (kept for a failing test to show), not to the test's output. */
function cloudLog(name: string, log: string[]) {
  const write = (...args: unknown[]) => void log.push(`[${name}] ${args.map(String).join(' ')}`)
  return { ...console, log: write, info: write, warn: write, error: write, debug: write }
}

/** Loads cloudfunctions/<name>/index.js as the cloud's Node runtime would, with its own environment. */
function loadBundle(name: string, databaseUrl: string, log: string[]): CloudMain {
  const file = path.join(ROOT, 'cloudfunctions', name, 'index.js')
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build:weapp\` (it bundles the cloud functions)`)
  const module = { exports: {} as { main?: CloudMain } }
  const functionProcess = Object.create(process, { env: { value: { ...process.env, DATABASE_URL: databaseUrl } } })
  const requireInFunction = Module.createRequire(file)
  const runtimeRequire = (id: string) => (id === 'wx-server-sdk' ? wxServerSdk : requireInFunction(id))
  const wrapper = vm.runInThisContext(`(function (exports, require, module, __filename, __dirname, process, console) {${readFileSync(file, 'utf8')}\n})`, {
    filename: file,
  }) as (...args: unknown[]) => void
  wrapper(module.exports, runtimeRequire, module, file, path.dirname(file), functionProcess, cloudLog(name, log))
  if (typeof module.exports.main !== 'function') throw new Error(`${file} exports no main`)
  return module.exports.main
}
