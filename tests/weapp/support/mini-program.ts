import { readFileSync } from 'node:fs'
import path from 'node:path'
import { createAndroidJsContext } from './android-js-context'
import type { CanvasNode } from './canvas-node'
import type { CloudBackend } from './cloud-backend'
import { Device } from './device'
import { createModuleSystem, type ModuleSystem } from './module-system'
import { applySetData } from './set-data'
import { datasetOf, findByText, textOf, walk, type Located } from './view-tree'
import type { WeChatWorld } from './wechat-world'
import { createWx } from './wx-api'
import type { ViewNode, WxmlRenderer } from './wxml-renderer'

type Config = Record<string, unknown> & { data?: Record<string, unknown> }
type Instance = Record<string, unknown> & { data: Record<string, unknown> }

/** A page on the stack: its route, the query it was opened with, and the instance the framework drives. */
export type OpenPage = { route: string; query: Record<string, string>; instance: Instance; title: string; alertBeforeUnload?: string | null }

export type LaunchOptions = {
  world: WeChatWorld
  cloud: CloudBackend
  renderer: WxmlRenderer
  distDir: string
  /** The WeChat user holding this phone (the OPENID the cloud sees). */
  openid: string
  /** Where the mini-program opens: the first page of app.json by default. */
  path?: string
  query?: Record<string, string>
  /** The phone, when the app starts again on one it ran on before (its storage and saved files kept). */
  device?: Device
  /** 1001 from the chat list; 1044 from a share card in a group chat (with that group's name). */
  scene?: number
  groupName?: string
}

const MAX_STACK = 10
const BUBBLING = new Set(['tap', 'longpress', 'longtap', 'touchstart', 'touchmove', 'touchend', 'touchcancel'])

/**
 * One phone running the built mini-program (`dist/`), as WeChat runs it: app.js and every page's
 * JS in a JS context of their own with `App`, `Page`, `Component`, `getApp`, `getCurrentPages` and
 * `wx`; a page stack with WeChat's navigation rules; `setData` applied by data path; pages drawn by
 * WeChat's own WXML compiler; taps dispatched to the handler each element's `bindtap` names, bubbling
 * as WeChat bubbles them. Anything thrown in the mini-program, or logged with console.error, is kept in
 * `errors` for the test to fail on.
 */
export class MiniProgram {
  readonly device: Device
  readonly errors: string[] = []
  readonly cloudCalls: { name: string; action: unknown }[] = []
  /** Every tap a person made: on the page (tap), the tab bar (tapTab) and the back arrow (back); a journey counts the steps to a goal by it. */
  taps = 0
  private readonly appJson: { pages: string[]; subPackages?: { root: string; pages: string[] }[]; tabBar?: { list: { pagePath: string; text: string }[] } }
  private readonly pageConfigs = new Map<string, Config>()
  private readonly componentConfigs = new Map<string, Config>()
  private readonly tabInstances = new Map<string, OpenPage>()
  private readonly stack: OpenPage[] = []
  private readonly timers = new Set<NodeJS.Timeout>()
  private readonly canvases = new Map<string, CanvasNode>()
  private readonly modules: ModuleSystem
  private readonly enterOptions: { path: string; query: Record<string, string>; scene: number; groupName?: string }
  private registering: { kind: 'page' | 'component'; path: string } | null = null
  private app: Instance | null = null
  private pending = 0
  private lastActivity = 0

  constructor(private readonly options: LaunchOptions) {
    this.device = options.device ?? new Device()
    // Temp files (photos just taken) last one launch of the app, as in WeChat.
    if (options.device) options.device.tempFiles.clear()
    options.device?.networkListeners.clear()
    this.appJson = JSON.parse(readFileSync(path.join(options.distDir, 'app.json'), 'utf8'))
    const firstPage = this.appJson.pages[0]
    this.enterOptions = {
      path: (options.path ?? firstPage).replace(/^\//, ''),
      query: options.query ?? {},
      scene: options.scene ?? 1001,
      groupName: options.groupName,
    }
    const wx = createWx({
      device: this.device,
      world: options.world,
      openid: options.openid,
      enterOptions: this.enterOptions,
      navigate: (kind, url) => this.navigate(kind, url),
      navigateBack: (delta) => this.navigateBack(delta),
      setTitle: (title) => {
        const top = this.stack.at(-1)
        if (top) top.title = title
      },
      setAlertBeforeUnload: (message) => {
        const top = this.stack.at(-1)
        if (top) top.alertBeforeUnload = message
      },
      renderTop: () => this.render(),
      callFunction: (name, data) => this.callCloud(name, data),
      track: (work) => this.track(work),
      canvases: this.canvases,
    })
    const context = createAndroidJsContext({
      wx,
      App: (config: Config) => this.registerApp(config),
      Page: (config: Config) => this.register('page', config),
      Component: (config: Config) => this.register('component', config),
      Behavior: (config: Config) => config,
      getApp: () => this.app,
      getCurrentPages: () => this.stack.map((page) => page.instance),
      requirePlugin: () => {
        throw new Error('requirePlugin: the app uses no plugins')
      },
      console: this.capturingConsole(),
      setTimeout: (fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => this.timer(setTimeout, fn, ms, args),
      setInterval: (fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => this.timer(setInterval, fn, ms, args),
      clearTimeout: (t: NodeJS.Timeout) => this.clearTimer(t),
      clearInterval: (t: NodeJS.Timeout) => this.clearTimer(t),
    })
    this.modules = createModuleSystem(context, options.distDir, (this.appJson.subPackages ?? []).map((sub) => sub.root))
  }

  /** Starts the app as WeChat does on a cold start: app.js, App.onLaunch/onShow, then the entry page. */
  async launch(): Promise<this> {
    this.guard('app.js', () => this.modules.require('app.js'))
    if (!this.app) throw new Error('app.js did not call App()')
    const { path: entry, query, scene } = this.enterOptions
    this.lifecycle(this.app, 'onLaunch', { path: entry, query, scene })
    this.lifecycle(this.app, 'onShow', { path: entry, query, scene })
    this.openPage(entry, query, 'launch')
    await this.idle()
    return this
  }

  /** The page on top of the stack. */
  get page(): OpenPage {
    const top = this.stack.at(-1)
    if (!top) throw new Error('no page is open')
    return top
  }

  get pageStack(): readonly OpenPage[] {
    return this.stack
  }

  /** The top page as WeChat's view layer draws it from its current data. */
  render(): ViewNode {
    return this.options.renderer.render(this.page.route, this.page.instance.data)
  }

  /** Everything a person can read on the top page, as one string. */
  screenText(): string {
    return textOf(this.render())
  }

  /** Waits until nothing is in flight (cloud calls, wx callbacks, setData) for a few turns of the event loop. */
  async idle(timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    let quietTurns = 0
    while (quietTurns < 3) {
      if (Date.now() > deadline) throw new Error(`the mini-program did not settle within ${timeoutMs} ms (${this.pending} operations in flight)`)
      const before = this.lastActivity
      await new Promise((resolve) => setTimeout(resolve, 5))
      quietTurns = this.pending === 0 && this.lastActivity === before ? quietTurns + 1 : 0
    }
  }

  /** Taps what shows `text` (the innermost element holding it), as a finger would, then waits for idle. */
  async tap(text: string | RegExp, which = 0): Promise<void> {
    this.taps += 1
    const found = findByText(this.render(), text)
    if (found.length <= which) throw new Error(`nothing on ${this.page.route} shows "${text}". The page reads: ${this.screenText()}`)
    const target = found[which]
    const chain = [...target.ancestors, target.node]
    const opensConsent = (node: ViewNode) => node.tag === 'wx-button' && (node.attr.openType ?? node.attr['open-type']) === 'agreePrivacyAuthorization'
    let depth = chain.length - 1
    while (depth >= 0 && !opensConsent(chain[depth])) depth -= 1
    if (depth < 0) this.dispatch(target, 'tap', { x: 10, y: 10 })
    else {
      // A button with open-type="agreePrivacyAuthorization": WeChat records the tap on it (the id resolve
      // names is checked against it) and fires its agreeprivacyauthorization event, besides any tap.
      const button = { node: chain[depth], ancestors: chain.slice(0, depth) }
      this.device.agreeButtonsTapped.add(String(button.node.attr.id ?? ''))
      if (chain.slice(0, depth + 1).some((node) => node.attr.bindtap || node.attr['bind:tap'])) this.dispatch(target, 'tap', { x: 10, y: 10 })
      this.dispatch(button, 'agreeprivacyauthorization', {})
    }
    await this.idle()
  }

  /** The consent popup is on screen: taps its 同意 (or 不同意) as the person would. */
  async answerPrivacy(answer: 'agree' | 'disagree'): Promise<void> {
    const screen = this.screenText()
    if (!screen.includes('隐私保护指引') || !screen.includes('不同意')) throw new Error(`no consent popup on ${this.page.route}. The page reads: ${screen}`)
    await this.tap(answer === 'agree' ? /^同意$/ : '不同意')
  }

  /** Types into the input or textarea whose placeholder is `placeholder`. */
  async fill(placeholder: string, value: string): Promise<void> {
    const field = this.findField(placeholder)
    this.dispatch(field, 'input', { value, cursor: value.length, keyCode: 0 })
    await this.idle()
    this.dispatch(field, 'blur', { value })
    await this.idle()
  }

  /** Picks option `index` of the picker that shows `text`. */
  async pick(text: string | RegExp, index: number): Promise<void> {
    const found = findByText(this.render(), text)
    const picker = found
      .map((located) => [...located.ancestors, located.node].reverse().findIndex((node) => node.tag === 'wx-picker'))
      .findIndex((position) => position >= 0)
    if (picker < 0) throw new Error(`no picker on ${this.page.route} shows "${text}"`)
    const located = found[picker]
    const chain = [...located.ancestors, located.node]
    const depth = chain.map((node) => node.tag).lastIndexOf('wx-picker')
    this.dispatch({ node: chain[depth], ancestors: chain.slice(0, depth) }, 'change', { value: index })
    await this.idle()
  }

  /** The share a person starts from the page's menu (or a share button): what WeChat would send. */
  async share(): Promise<{ title?: string; path?: string }> {
    const handler = this.page.instance.onShareAppMessage
    if (typeof handler !== 'function') throw new Error(`${this.page.route} cannot be shared (no onShareAppMessage)`)
    const content = this.guard('onShareAppMessage', () => handler.call(this.page.instance, { from: 'menu' })) as { title?: string; path?: string }
    await this.idle()
    return content ?? {}
  }

  /** The Canvas 2D node of the element with this id, as the app drew on it. */
  canvas(id: string): CanvasNode {
    const node = this.canvases.get(id)
    if (!node) throw new Error(`no canvas "${id}" was drawn on`)
    return node
  }

  /**
   * The canvas once the app has drawn on it with `op` (within two seconds): React runs a drawing
   * effect on its own scheduler turn, after the page settled, so a test waits as a person would look.
   */
  async drawnCanvas(id: string, op: string): Promise<CanvasNode> {
    const deadline = Date.now() + 2000
    for (;;) {
      const node = this.canvases.get(id)
      if (node?.drawCalls.some((call) => call.op === op)) return node
      if (Date.now() > deadline) throw new Error(`canvas "${id}" was never drawn on with ${op}`)
      await new Promise((resolve) => setTimeout(resolve, 20))
      await this.idle()
    }
  }

  /**
   * Opens a page as a link does (a subscribe message, a share card, a bookmark): everything else is
   * closed and the page starts with only the query the link carries.
   */
  async openLink(route: string, query: Record<string, string> = {}): Promise<void> {
    this.closeAll()
    this.openPage(route, query, 'reLaunch')
    await this.idle()
  }

  /** Every page of app.json, subpackages included. */
  get routes(): string[] {
    return this.allRoutes()
  }

  /** Taps an item of WeChat's native tab bar (drawn by WeChat from app.json, not by the page). */
  async tapTab(text: string): Promise<void> {
    this.taps += 1
    const tab = this.appJson.tabBar?.list.find((item) => item.text === text)
    if (!tab) throw new Error(`the tab bar has no "${text}"`)
    this.switchTab(tab.pagePath)
    await this.idle()
  }

  /**
   * The phone's back arrow. A page that asked (wx.enableAlertBeforeUnload) gets WeChat's dialog first,
   * with 取消 and 确定: the test answers it with device.answerNextModal, as any modal.
   */
  async back(): Promise<void> {
    this.taps += 1
    const question = this.stack.at(-1)?.alertBeforeUnload
    if (question && !this.device.takeModalAnswer('', question)) return
    this.navigateBack(1)
    await this.idle()
  }

  /** Switches the phone's network off or on; WeChat tells the app's listeners of the change. */
  async setNetwork(online: boolean): Promise<void> {
    if (this.device.online === online) return
    this.device.online = online
    for (const listener of this.device.networkListeners) this.guard('onNetworkStatusChange', () => listener({ isConnected: online, networkType: online ? 'wifi' : 'none' }))
    await this.idle()
  }

  /** The app is killed (swiped away): nothing runs on, no page is told; the phone keeps its storage and saved files. */
  kill(): void {
    this.stack.length = 0
    this.tabInstances.clear()
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
  }

  /** Unloads every page and stops every timer the mini-program left running. */
  close(): void {
    while (this.stack.length > 0) this.unloadTop()
    for (const page of this.tabInstances.values()) this.lifecycle(page.instance, 'onUnload')
    this.tabInstances.clear()
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
  }

  private registerApp(config: Config): void {
    if (this.app) throw new Error('App() was called twice')
    this.app = Object.create(config) as Instance
  }

  private register(kind: 'page' | 'component', config: Config): void {
    if (!this.registering || this.registering.kind !== kind) throw new Error(`${kind === 'page' ? 'Page' : 'Component'}() called outside a ${kind} file`)
    ;(kind === 'page' ? this.pageConfigs : this.componentConfigs).set(this.registering.path, config)
  }

  private loadPage(route: string): Config {
    const known = this.pageConfigs.get(route)
    if (known) return known
    const json = JSON.parse(readFileSync(path.join(this.options.distDir, `${route}.json`), 'utf8')) as { usingComponents?: Record<string, string> }
    for (const relative of Object.values(json.usingComponents ?? {})) {
      const component = path.posix.join(path.posix.dirname(route), relative)
      if (this.componentConfigs.has(component)) continue
      this.registering = { kind: 'component', path: component }
      this.guard(`${component}.js`, () => this.modules.require(`${component}.js`))
    }
    this.registering = { kind: 'page', path: route }
    this.guard(`${route}.js`, () => this.modules.require(`${route}.js`))
    this.registering = null
    const config = this.pageConfigs.get(route)
    if (!config) throw new Error(`${route}.js did not call Page()`)
    return config
  }

  private allRoutes(): string[] {
    return [...this.appJson.pages, ...(this.appJson.subPackages ?? []).flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`))]
  }

  private isTab(route: string): boolean {
    return (this.appJson.tabBar?.list ?? []).some((tab) => tab.pagePath === route)
  }

  private navigate(kind: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch', url: string): void {
    const [rawPath, search = ''] = url.split('?')
    const current = this.stack.at(-1)?.route ?? ''
    const route = rawPath.startsWith('/') ? rawPath.slice(1) : path.posix.join(path.posix.dirname(current), rawPath)
    if (!this.allRoutes().includes(route)) throw new Error(`page "${route}" is not found`)
    const query = Object.fromEntries(search.split('&').filter(Boolean).map((pair) => pair.split('=') as [string, string]).map(([k, v]) => [k, v ?? '']))
    if (kind === 'switchTab') {
      if (!this.isTab(route)) throw new Error('can not switchTab to a page that is not in tabBar')
      this.switchTab(route)
      return
    }
    if (this.isTab(route) && kind !== 'reLaunch') throw new Error(`can not ${kind} a tabbar page`)
    if (kind === 'navigateTo' && this.stack.length >= MAX_STACK) throw new Error('webview count limit exceed')
    if (kind === 'redirectTo') this.unloadTop()
    if (kind === 'reLaunch') this.closeAll()
    this.openPage(route, query, kind)
  }

  private openPage(route: string, query: Record<string, string>, how: string): void {
    if (!this.allRoutes().includes(route)) throw new Error(`page "${route}" is not in app.json`)
    if (this.isTab(route) && how !== 'reLaunch' && how !== 'launch') throw new Error(`can not ${how} a tabbar page`)
    const top = this.stack.at(-1)
    if (top && how === 'navigateTo') this.lifecycle(top.instance, 'onHide')
    const page = this.instantiate(route, query)
    this.stack.push(page)
    if (this.isTab(route)) this.tabInstances.set(route, page)
    this.startPage(page)
  }

  private switchTab(route: string): void {
    this.closeAll({ keepTabs: true })
    const kept = this.tabInstances.get(route)
    if (kept) {
      this.stack.push(kept)
      this.lifecycle(kept.instance, 'onShow')
      return
    }
    const page = this.instantiate(route, {})
    this.stack.push(page)
    this.tabInstances.set(route, page)
    this.startPage(page)
  }

  private instantiate(route: string, query: Record<string, string>): OpenPage {
    const config = this.loadPage(route)
    const instance = Object.create(config) as Instance
    instance.data = JSON.parse(JSON.stringify(config.data ?? {}))
    instance.route = route
    instance.__route__ = route
    instance.options = query
    instance.setData = (patch: Record<string, unknown>, callback?: () => void) => {
      applySetData(instance.data, patch)
      this.touch()
      // The view layer renders, then WeChat calls back on a later turn.
      this.pending += 1
      setTimeout(() => {
        this.pending -= 1
        this.touch()
        if (callback) this.guard('setData callback', callback)
      }, 0)
    }
    return { route, query, instance, title: '' }
  }

  private startPage(page: OpenPage): void {
    this.lifecycle(page.instance, 'onLoad', { ...page.query })
    this.lifecycle(page.instance, 'onShow')
    this.pending += 1
    setTimeout(() => {
      this.pending -= 1
      if (this.stack.includes(page)) this.lifecycle(page.instance, 'onReady')
    }, 0)
  }

  private navigateBack(delta: number): void {
    if (this.stack.length <= 1) return
    for (let i = 0; i < delta && this.stack.length > 1; i++) this.unloadTop()
    this.lifecycle(this.page.instance, 'onShow')
  }

  private unloadTop(): void {
    const top = this.stack.pop()
    if (!top) return
    if (this.isTab(top.route)) this.lifecycle(top.instance, 'onHide')
    else this.lifecycle(top.instance, 'onUnload')
  }

  private closeAll(options: { keepTabs?: boolean } = {}): void {
    while (this.stack.length > 0) this.unloadTop()
    if (options.keepTabs) return
    for (const page of this.tabInstances.values()) this.lifecycle(page.instance, 'onUnload')
    this.tabInstances.clear()
  }

  private dispatch(target: Located, type: string, detail: Record<string, unknown>): void {
    const chain = [...target.ancestors, target.node].reverse()
    const reach = BUBBLING.has(type) ? chain : [target.node]
    const targetInfo = { id: String(target.node.attr.id ?? ''), dataset: datasetOf(target.node) }
    let handled = false
    for (const node of reach) {
      const bound = node.attr[`bind${type}`] ?? node.attr[`bind:${type}`]
      const caught = node.attr[`catch${type}`] ?? node.attr[`catch:${type}`]
      const handlerName = (caught ?? bound) as string | undefined
      if (handlerName) {
        const owner = node.owner ? this.componentConfigs.get(node.owner) : undefined
        const methods = (owner?.methods as Record<string, unknown> | undefined) ?? this.page.instance
        const handler = methods[handlerName]
        if (typeof handler !== 'function') throw new Error(`${node.tag} binds ${type} to "${handlerName}", which ${node.owner ?? this.page.route} does not have`)
        const event = {
          type,
          timeStamp: Date.now(),
          target: targetInfo,
          currentTarget: { id: String(node.attr.id ?? ''), dataset: datasetOf(node) },
          detail,
          touches: [],
          changedTouches: [],
          mark: {},
        }
        this.guard(`${type} handler`, () => handler.call(this.page.instance, event))
        handled = true
      }
      if (caught) break
    }
    if (!handled && type === 'tap') throw new Error(`tapping "${textOf(target.node)}" on ${this.page.route} does nothing: no element on its way up binds tap`)
    this.touch()
  }

  private findField(placeholder: string): Located {
    for (const located of walk(this.render())) {
      const { node } = located
      if ((node.tag === 'wx-input' || node.tag === 'wx-textarea') && node.attr.placeholder === placeholder) return located
    }
    throw new Error(`no field with placeholder "${placeholder}" on ${this.page.route}`)
  }

  private async callCloud(name: string, data: unknown): Promise<unknown> {
    // The event crosses WeChat as JSON; WeChat adds the caller's userInfo, which the function must not trust.
    const event = { ...(JSON.parse(JSON.stringify(data)) as object), userInfo: { appId: this.options.world.appId, openId: this.options.openid } }
    this.cloudCalls.push({ name, action: (data as { action?: unknown }).action })
    const result = await this.options.cloud.call(name, event, this.options.openid)
    return JSON.parse(JSON.stringify(result))
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.pending += 1
    this.touch()
    return work.finally(() => {
      this.pending -= 1
      this.touch()
    })
  }

  private touch(): void {
    this.lastActivity += 1
  }

  private lifecycle(instance: Record<string, unknown>, name: string, ...args: unknown[]): void {
    const hook = instance[name]
    if (typeof hook === 'function') this.guard(name, () => hook.apply(instance, args))
  }

  private guard<T>(where: string, run: () => T): T | undefined {
    try {
      return run()
    } catch (error) {
      this.errors.push(`${where}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
      return undefined
    }
  }

  private timer(kind: typeof setTimeout | typeof setInterval, fn: (...a: unknown[]) => void, ms: number | undefined, args: unknown[]): NodeJS.Timeout {
    const handle = kind(() => {
      if (kind === setTimeout) this.timers.delete(handle)
      this.guard('timer', () => fn(...args))
      this.touch()
    }, ms)
    this.timers.add(handle)
    return handle
  }

  private clearTimer(handle: NodeJS.Timeout): void {
    clearTimeout(handle)
    this.timers.delete(handle)
  }

  private capturingConsole() {
    return {
      ...console,
      log: () => undefined,
      info: () => undefined,
      debug: () => undefined,
      warn: () => undefined,
      error: (...args: unknown[]) => {
        this.errors.push(`console.error: ${args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}`)
      },
    }
  }
}
