import { AsyncLocalStorage } from 'node:async_hooks'
import type { WeChatWorld } from './wechat-world'

/** The caller of one cloud function invocation, as WeChat's gateway knows it. */
export type CloudCaller = { openid: string }

const invocation = new AsyncLocalStorage<CloudCaller>()
let world: WeChatWorld | undefined

/** The WeChat side this stand-in answers for (one per test file). */
export function attachWorld(next: WeChatWorld): void {
  world = next
}

/** Runs one cloud function invocation as `caller`: getWXContext inside it answers their OPENID. */
export function runAs<T>(caller: CloudCaller, invoke: () => Promise<T>): Promise<T> {
  return invocation.run(caller, invoke)
}

function currentWorld(): WeChatWorld {
  if (!world) throw new Error('wx-server-sdk stand-in: no WeChat world attached')
  return world
}

function currentCaller(): CloudCaller {
  const caller = invocation.getStore()
  if (!caller) throw new Error('wx-server-sdk stand-in: called outside a cloud function invocation')
  return caller
}

/**
 * The part of wx-server-sdk the cloud functions use, with WeChat's documented answers: identity from
 * the invocation (never from the event), getOpenData resolving only cloudIDs WeChat issued to that
 * caller, msgSecCheck v2 (`result.suggest`), subscribeMessage.send recorded for the test to read.
 */
export const DYNAMIC_CURRENT_ENV = Symbol('DYNAMIC_CURRENT_ENV')

export function init(): void {}

export function getWXContext() {
  const w = currentWorld()
  return { OPENID: currentCaller().openid, APPID: w.appId, UNIONID: '', ENV: w.env, SOURCE: 'wx_client' }
}

export async function getOpenData({ list }: { list: string[] }) {
  const caller = currentCaller()
  const answers = list.map((cloudID) => {
    const data = currentWorld().resolveCloudId(cloudID, caller.openid)
    if (!data) throw Object.assign(new Error('getOpenData:fail invalid cloudID'), { errCode: -604101 })
    return { cloudID, data }
  })
  return { list: answers, errMsg: 'getOpenData:ok' }
}

/** cloud.getTempFileURL: a download URL for each stored file; an unknown one fails per file. */
export async function getTempFileURL({ fileList }: { fileList: string[] }) {
  const w = currentWorld()
  return {
    fileList: fileList.map((fileID) => {
      const tempFileURL = w.tempUrlOf(fileID)
      return tempFileURL ? { fileID, tempFileURL, status: 0, errMsg: 'ok' } : { fileID, tempFileURL: '', status: -1, errMsg: 'STORAGE_FILE_NONEXIST' }
    }),
  }
}

export const openapi = {
  security: {
    /** mediaCheckAsync (version 2): answers a trace id at once; the verdict is pushed later, when the test delivers it. */
    async mediaCheckAsync({ mediaUrl, openid }: { mediaUrl: string; openid: string }) {
      return { errCode: 0, errMsg: 'openapi.security.mediaCheckAsync:ok', traceId: currentWorld().startMediaCheck(mediaUrl, openid) }
    },
    async msgSecCheck({ content }: { content: string }) {
      const risky = currentWorld().riskyTexts.has(content)
      return { errCode: 0, errMsg: 'openapi.security.msgSecCheck:ok', result: { suggest: risky ? 'risky' : 'pass', label: risky ? 20001 : 100 } }
    },
  },
  subscribeMessage: {
    async send(message: { touser: string; templateId: string; page: string; data: Record<string, { value: string }> }) {
      currentWorld().sentMessages.push(message)
      return { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' }
    },
  },
}
