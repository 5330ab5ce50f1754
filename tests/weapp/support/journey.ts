import { existsSync } from 'node:fs'
import path from 'node:path'
import type { WhoAmI } from '../../../src/core/contracts/account'
import type { Envelope } from '../../../src/core/contracts/envelope'
import { startCloudBackend, type CloudBackend } from './cloud-backend'
import { MiniProgram, type LaunchOptions } from './mini-program'
import { WeChatWorld } from './wechat-world'
import { createWxmlRenderer, type WxmlRenderer } from './wxml-renderer'

const DIST = path.resolve(__dirname, '../../../dist')

export type Journey = {
  readonly world: WeChatWorld
  readonly cloud: CloudBackend
  /** A phone held by `openid`, with the built mini-program launched on it (as from the chat list unless told otherwise). */
  openPhone(openid: string, options?: Omit<Partial<LaunchOptions>, 'world' | 'cloud' | 'renderer' | 'distDir' | 'openid'>): Promise<MiniProgram>
  /** One cloud call as `openid`, for what a test checks behind the screen (the ledger, a balance). */
  callAs<T>(openid: string, name: string, event: Record<string, unknown>): Promise<T>
  /** A photo `openid` uploaded as the app does, into their own folder (the only photos their cases may name): its file id. */
  photoOf(openid: string, name: string, bytes: Buffer): Promise<string>
}

/**
 * A journey through the weapp build (`dist/` of `npm run build:weapp`): one WeChat world, one cloud
 * backend over a fresh demo database, any number of phones. After every test each phone must have
 * thrown nothing and logged no error; after the file everything is closed.
 */
export function weappJourney(): Journey {
  const world = new WeChatWorld()
  const phones: MiniProgram[] = []
  let cloud: CloudBackend | undefined
  let renderer: WxmlRenderer | undefined

  beforeAll(async () => {
    if (!existsSync(path.join(DIST, 'app.json'))) throw new Error('dist/ holds no weapp build: run `npm run build:weapp` (npm test and npm run test:weapp do)')
    renderer = createWxmlRenderer(DIST)
    cloud = await startCloudBackend(world)
  }, 120_000)

  afterEach(() => {
    for (const phone of phones) expect(phone.errors).toEqual([])
  })

  afterAll(async () => {
    for (const phone of phones) phone.close()
    await cloud?.close()
  })

  const started = () => {
    if (!cloud || !renderer) throw new Error('the journey has not started')
    return { cloud, renderer }
  }

  return {
    world,
    get cloud() {
      return started().cloud
    },
    async openPhone(openid, options = {}) {
      const phone = new MiniProgram({ ...options, ...started(), world, distDir: DIST, openid })
      phones.push(phone)
      return phone.launch()
    },
    async callAs<T>(openid: string, name: string, event: Record<string, unknown>) {
      const envelope = (await started().cloud.call(name, event, openid)) as Envelope<T>
      if (!envelope.ok) throw new Error(`${name}.${String(event.action)} as ${openid} failed: ${envelope.error.code} ${envelope.error.message}`)
      return envelope.data
    },
    async photoOf(openid, name, bytes) {
      const me = await this.callAs<WhoAmI>(openid, 'account', { action: 'whoami' })
      if (!me.registered) throw new Error(`${openid} is not registered`)
      return world.storeCloudFile(`${me.photoFolder}/${name}`, bytes)
    },
  }
}
