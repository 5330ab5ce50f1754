import { PRIVACY_APIS } from '../../../src/core/privacy-declarations'
import { createCanvasNode, type CanvasNode } from './canvas-node'
import type { Device } from './device'
import type { WeChatWorld } from './wechat-world'
import type { ViewNode } from './wxml-renderer'

/** What the wx object needs from the mini-program around it. */
export type WxHost = {
  device: Device
  world: WeChatWorld
  openid: string
  enterOptions: { path: string; query: Record<string, string>; scene: number; groupName?: string }
  navigate(kind: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch', url: string): void
  navigateBack(delta: number): void
  setTitle(title: string): void
  /** The rendered tree of the page on top, for selector queries. */
  renderTop(): ViewNode
  callFunction(name: string, data: unknown): Promise<unknown>
  /** The Canvas 2D nodes handed out, by element id. */
  canvases: Map<string, CanvasNode>
  /** Counts async work in flight, so a test can wait until the phone is idle. */
  track<T>(work: Promise<T>): Promise<T>
}

/** wx.env.USER_DATA_PATH as WeChat names it on a phone. */
const USER_DATA_PATH = 'wxfile://usr'

type Callbacks = { success?: (res: unknown) => void; fail?: (err: unknown) => void; complete?: (res: unknown) => void }
class WxFail extends Error {
  constructor(
    message: string,
    readonly errno?: number,
  ) {
    super(message)
  }
}

/** WeChat's answer to a privacy interface the user has not agreed to (小程序隐私协议开发指南). */
const PRIVACY_NOT_AUTHORIZED = 'privacy permission is not authorized'
const PRIVACY_ERRNO = 104

type PrivacyAnswer = { event?: string; buttonId?: string }
type PrivacyListener = (resolve: (answer: PrivacyAnswer) => void, eventInfo: { referrer: string }) => void

/**
 * `wx` with WeChat's documented behaviour for every API the app calls: async APIs answer through
 * success / fail / complete on a later turn, or return a Promise when given no callback (base library
 * ≥ 2.10.2); sync APIs answer at once. An API the app calls that is missing here is a TypeError in the
 * mini-program context, which fails the test: nothing is silently accepted.
 */
export function createWx(host: WxHost): Record<string, unknown> {
  const { device, world, canvases } = host

  let privacyListener: PrivacyListener | null = null

  /**
   * Before a privacy interface runs: agreed already → on at once. Otherwise WeChat calls the app's
   * onNeedPrivacyAuthorization listener and the interface waits (not counted as work in flight: the
   * phone is idle while the person reads the popup). resolve({ event: 'agree', buttonId }) goes on only
   * if that button (open-type="agreePrivacyAuthorization") was tapped; 'disagree', or no listener at
   * all, fails with errno 104.
   */
  function privacyGate(name: string): Promise<void> {
    if (device.privacyAgreed || !(PRIVACY_APIS.includes(name) || name === 'requirePrivacyAuthorize')) return Promise.resolve()
    const listener = privacyListener
    if (!listener) return Promise.reject(new WxFail(PRIVACY_NOT_AUTHORIZED, PRIVACY_ERRNO))
    const prompt = { referrer: name, answer: 'pending' as 'agree' | 'disagree' | 'pending' }
    device.privacyPrompts.push(prompt)
    return new Promise((resolve, reject) => {
      let answered = false
      const answer = ({ event, buttonId }: PrivacyAnswer = {}) => {
        if (answered || event === 'exposureAuthorization') return
        if (event === 'agree') {
          if (!buttonId || !device.agreeButtonsTapped.has(buttonId)) throw new Error(`resolve({ event: 'agree', buttonId: '${buttonId}' }) without a tap on an agreePrivacyAuthorization button with that id`)
          answered = true
          prompt.answer = 'agree'
          device.privacyAgreed = true
          resolve()
        } else if (event === 'disagree') {
          answered = true
          prompt.answer = 'disagree'
          reject(new WxFail(PRIVACY_NOT_AUTHORIZED, PRIVACY_ERRNO))
        } else throw new Error(`onNeedPrivacyAuthorization resolve got an unknown event "${event}"`)
      }
      void host.track(new Promise((ready) => setTimeout(ready, 0))).then(() => listener(answer, { referrer: name }))
    })
  }

  function asyncApi<O extends object>(name: string, run: (options: O) => unknown | Promise<unknown>) {
    return (options: O & Callbacks = {} as O & Callbacks) => {
      const failure = (error: unknown) => ({
        errMsg: `${name}:fail ${error instanceof Error ? error.message : String(error)}`,
        ...(error instanceof WxFail && error.errno !== undefined ? { errno: error.errno } : {}),
      })
      const settle = privacyGate(name).then(
        () =>
          host.track(
            new Promise((resolve, reject) => {
              setTimeout(() => {
                Promise.resolve()
                  .then(() => run(options))
                  .then(
                    (result) => resolve({ errMsg: `${name}:ok`, ...(result as object) }),
                    (error: unknown) => reject(failure(error)),
                  )
              }, 0)
            }),
          ),
        (error: unknown) => host.track(Promise.reject(failure(error))),
      )
      const { success, fail, complete } = options
      if (!success && !fail && !complete) return settle
      settle.then(
        (res) => {
          success?.(res)
          complete?.(res)
        },
        (err) => {
          fail?.(err)
          complete?.(err)
        },
      )
      return undefined
    }
  }

  const readStorage = (key: string) => {
    const stored = device.storage.get(key)
    return stored === undefined ? '' : JSON.parse(stored)
  }
  const systemInfo = () => ({
    brand: 'HUAWEI',
    model: 'Android test phone',
    pixelRatio: 2,
    screenWidth: 375,
    screenHeight: 780,
    windowWidth: 375,
    windowHeight: 700,
    statusBarHeight: 24,
    language: 'zh_CN',
    version: '8.0.50',
    system: 'Android 10',
    platform: 'android',
    SDKVersion: '3.5.0',
    fontSizeSetting: 16,
    safeArea: { top: 24, left: 0, right: 375, bottom: 780, width: 375, height: 756 },
  })

  return {
    canIUse: () => true,
    getSystemInfoSync: systemInfo,
    getSystemInfo: asyncApi('getSystemInfo', systemInfo),
    getWindowInfo: () => systemInfo(),
    getDeviceInfo: () => systemInfo(),
    getAppBaseInfo: () => systemInfo(),
    getSystemSetting: () => ({ bluetoothEnabled: false, locationEnabled: false, wifiEnabled: true, deviceOrientation: 'portrait' }),
    getAccountInfoSync: () => ({ miniProgram: { appId: world.appId, envVersion: 'develop', version: '' } }),
    getMenuButtonBoundingClientRect: () => ({ width: 87, height: 32, top: 28, right: 368, bottom: 60, left: 281 }),
    nextTick: (fn: () => void) => setTimeout(fn, 0),
    reportAnalytics: () => undefined,
    onAppShow: () => undefined,
    onAppHide: () => undefined,
    offAppShow: () => undefined,
    offAppHide: () => undefined,
    onError: () => undefined,
    onUnhandledRejection: () => undefined,
    onPageNotFound: () => undefined,

    // Privacy (小程序隐私协议开发指南): the consent the privacy interfaces below wait for.
    onNeedPrivacyAuthorization: (listener: PrivacyListener) => {
      privacyListener = listener
    },
    getPrivacySetting: asyncApi('getPrivacySetting', () => ({ needAuthorization: !device.privacyAgreed, privacyContractName: '《善治积分隐私保护指引》' })),
    requirePrivacyAuthorize: asyncApi('requirePrivacyAuthorize', () => undefined),
    openPrivacyContract: asyncApi('openPrivacyContract', () => undefined),

    // Storage: values cross as JSON, as WeChat keeps them.
    getStorageSync: readStorage,
    setStorageSync: (key: string, value: unknown) => void device.storage.set(key, JSON.stringify(value)),
    removeStorageSync: (key: string) => void device.storage.delete(key),
    clearStorageSync: () => device.storage.clear(),
    getStorageInfoSync: () => ({ keys: [...device.storage.keys()], currentSize: 0, limitSize: 10240 }),
    getStorage: asyncApi('getStorage', ({ key }: { key: string }) => {
      if (!device.storage.has(key)) throw new WxFail('data not found')
      return { data: readStorage(key) }
    }),
    setStorage: asyncApi('setStorage', ({ key, data }: { key: string; data: unknown }) => void device.storage.set(key, JSON.stringify(data))),
    removeStorage: asyncApi('removeStorage', ({ key }: { key: string }) => void device.storage.delete(key)),

    // Navigation: a real page stack, driven by the mini-program around this object.
    navigateTo: asyncApi('navigateTo', ({ url }: { url: string }) => host.navigate('navigateTo', url)),
    redirectTo: asyncApi('redirectTo', ({ url }: { url: string }) => host.navigate('redirectTo', url)),
    switchTab: asyncApi('switchTab', ({ url }: { url: string }) => host.navigate('switchTab', url)),
    reLaunch: asyncApi('reLaunch', ({ url }: { url: string }) => host.navigate('reLaunch', url)),
    navigateBack: asyncApi('navigateBack', ({ delta }: { delta?: number }) => host.navigateBack(delta ?? 1)),
    setNavigationBarTitle: asyncApi('setNavigationBarTitle', ({ title }: { title: string }) => host.setTitle(title)),
    setNavigationBarColor: asyncApi('setNavigationBarColor', () => undefined),
    pageScrollTo: asyncApi('pageScrollTo', () => undefined),
    stopPullDownRefresh: asyncApi('stopPullDownRefresh', () => undefined),

    // Interaction: what the person sees, and what the test answers for them.
    showToast: asyncApi('showToast', ({ title }: { title: string }) => void device.toasts.push(title)),
    hideToast: asyncApi('hideToast', () => undefined),
    showLoading: asyncApi('showLoading', () => undefined),
    hideLoading: asyncApi('hideLoading', () => undefined),
    // The question WeChat asks when the person leaves a page with unsaved work (base library ≥ 2.12.0);
    // the stand-in keeps it on, not the popup.
    enableAlertBeforeUnload: asyncApi('enableAlertBeforeUnload', ({ message }: { message: string }) => {
      if (typeof message !== 'string' || message === '') throw new Error('enableAlertBeforeUnload:fail message is required')
      return {}
    }),
    disableAlertBeforeUnload: asyncApi('disableAlertBeforeUnload', () => ({})),
    showModal: asyncApi('showModal', ({ title = '', content = '' }: { title?: string; content?: string }) => {
      const confirm = device.takeModalAnswer(title, content)
      return { confirm, cancel: !confirm }
    }),
    setClipboardData: asyncApi('setClipboardData', ({ data }: { data: string }) => {
      device.clipboard = data
      device.toasts.push('内容已复制')
    }),
    getClipboardData: asyncApi('getClipboardData', () => ({ data: device.clipboard })),

    // Camera, album and files.
    scanCode: asyncApi('scanCode', () => {
      const result = device.takeCameraRead()
      if (result === undefined) throw new WxFail('cancel')
      return { result, scanType: 'QR_CODE', charSet: 'UTF-8' }
    }),
    chooseImage: asyncApi('chooseImage', ({ count = 9 }: { count?: number }) => {
      const photos = device.takePickedPhotos()
      if (!photos) throw new WxFail('cancel')
      const picked = photos.slice(0, count)
      return { tempFilePaths: picked.map((p) => p.path), tempFiles: picked.map((p) => ({ path: p.path, size: p.bytes.length })) }
    }),
    chooseMedia: asyncApi('chooseMedia', ({ count = 9 }: { count?: number }) => {
      const photos = device.takePickedPhotos()
      if (!photos) throw new WxFail('cancel')
      return { type: 'image', tempFiles: photos.slice(0, count).map((p) => ({ tempFilePath: p.path, size: p.bytes.length, fileType: 'image' })) }
    }),
    previewImage: asyncApi('previewImage', () => undefined),
    // The user data folder: files the app writes there stay on the phone until it deletes them.
    env: { USER_DATA_PATH },
    getFileSystemManager: () => ({
      writeFileSync(filePath: string, data: string | ArrayBuffer, encoding?: string) {
        if (!filePath.startsWith(`${USER_DATA_PATH}/`)) throw new Error(`writeFileSync:fail permission denied, open ${filePath}`)
        device.userFiles.set(filePath, typeof data === 'string' ? Buffer.from(data, (encoding ?? 'utf8') as BufferEncoding) : Buffer.from(data))
      },
    }),
    openDocument: asyncApi('openDocument', ({ filePath, fileType }: { filePath: string; fileType?: string }) => {
      if (!device.userFiles.has(filePath) && !device.tempFiles.has(filePath)) throw new WxFail('file not found')
      const type = fileType ?? filePath.split('.').pop() ?? ''
      if (!['doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'pdf'].includes(type)) throw new WxFail('filetype not supported')
      device.openedDocuments.push({ filePath, fileType: type })
    }),
    saveImageToPhotosAlbum: asyncApi('saveImageToPhotosAlbum', ({ filePath }: { filePath: string }) => {
      if (!device.tempFiles.has(filePath)) throw new WxFail('file not found')
      device.savedToAlbum.push(filePath)
    }),

    // Subscribe messages: the person's answer per template, as WeChat reports it.
    requestSubscribeMessage: asyncApi('requestSubscribeMessage', ({ tmplIds }: { tmplIds: string[] }) => {
      const answer = device.takeSubscribeAnswer(tmplIds)
      return Object.fromEntries(tmplIds.map((id) => [id, answer]))
    }),

    // Entering from a group chat and sharing into one.
    getEnterOptionsSync: () => ({ ...host.enterOptions, query: { ...host.enterOptions.query } }),
    getLaunchOptionsSync: () => ({ ...host.enterOptions, query: { ...host.enterOptions.query } }),
    getGroupEnterInfo: asyncApi('getGroupEnterInfo', () => {
      const { scene, groupName } = host.enterOptions
      const cloudID = scene === 1044 && groupName ? world.issueGroupCloudId(groupName, host.openid) : null
      if (!cloudID) throw new WxFail('not entered from a group')
      return { cloudID, encryptedData: 'encrypted', iv: 'iv' }
    }),
    showShareMenu: asyncApi('showShareMenu', () => undefined),
    hideShareMenu: asyncApi('hideShareMenu', () => undefined),
    updateShareMenu: asyncApi('updateShareMenu', () => undefined),

    // Canvas 2D: nodes found by selector query in the rendered page, drawing recorded.
    createSelectorQuery: () => createSelectorQuery(host, canvases),
    canvasToTempFilePath: asyncApi('canvasToTempFilePath', ({ canvas }: { canvas?: CanvasNode }) => {
      if (!canvas || canvas.drawCalls.length === 0) throw new WxFail('canvas is empty')
      return { tempFilePath: device.saveTempFile(Buffer.from(JSON.stringify(canvas.drawCalls)), 'png') }
    }),

    cloud: {
      init: () => undefined,
      callFunction: asyncApi('cloud.callFunction', async ({ name, data }: { name: string; data?: unknown }) => ({
        result: await host.callFunction(name, data ?? {}),
        requestID: `req-${Date.now()}`,
      })),
      uploadFile: asyncApi('cloud.uploadFile', ({ cloudPath, filePath }: { cloudPath: string; filePath: string }) => {
        const bytes = device.tempFiles.get(filePath)
        if (!bytes) throw new WxFail('file not found')
        return { fileID: world.storeCloudFile(cloudPath, bytes), statusCode: 200 }
      }),
    },
  }
}

/** SelectorQuery over the top page's rendered tree: `select('#id').fields({ node, size }).exec(cb)`. */
function createSelectorQuery(host: WxHost, canvases: Map<string, CanvasNode>) {
  const requests: { selector: string }[] = []
  const query = {
    in: () => query,
    select(selector: string) {
      const request = { selector }
      const chain = {
        fields: () => {
          requests.push(request)
          return query
        },
        node: () => {
          requests.push(request)
          return query
        },
        boundingClientRect: () => {
          requests.push(request)
          return query
        },
      }
      return chain
    },
    exec(callback?: (results: unknown[]) => void) {
      const answered = new Promise<void>((resolve) => setTimeout(resolve, 0))
      void host.track(answered).then(() => {
        const tree = host.renderTop()
        const results = requests.map(({ selector }) => {
          const element = selector.startsWith('#') ? findById(tree, selector.slice(1)) : null
          if (!element) return null
          const id = selector.slice(1)
          const isCanvas = element.tag === 'wx-canvas'
          if (isCanvas && !canvases.has(id)) canvases.set(id, createCanvasNode())
          return { id, width: 300, height: 300, left: 0, top: 0, node: isCanvas ? canvases.get(id) : undefined }
        })
        callback?.(results)
      })
    },
  }
  return query
}

function findById(node: ViewNode, id: string): ViewNode | null {
  if (node.attr.id === id) return node
  for (const child of node.children) {
    if (typeof child === 'string') continue
    const found = findById(child, id)
    if (found) return found
  }
  return null
}
