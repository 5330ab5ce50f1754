import { randomBytes } from 'node:crypto'
import { signPush } from '../../../server/platform/wechat/message-push'

/** A subscribe message the cloud asked WeChat to deliver. */
export type SentSubscribeMessage = { touser: string; templateId: string; page: string; data: Record<string, { value: string }> }

/**
 * What lives on WeChat's side, shared by every phone in a test: the group chats (each with its
 * openGId and members), the one-time cloudIDs WeChat issues when a member opens a card in a group,
 * cloud storage, and the subscribe messages sent. Phones and the cloud stand-in both talk to it.
 */
export class WeChatWorld {
  readonly appId = 'wx-weapp-suite'
  readonly env = 'weapp-suite-env'
  readonly cloudFiles = new Map<string, Buffer>()
  readonly sentMessages: SentSubscribeMessage[] = []
  /** Texts WeChat's content check calls risky (errCode 87014). */
  readonly riskyTexts = new Set<string>()
  /** The token typed in 消息推送 (the wechatPush function's MESSAGE_PUSH_TOKEN). */
  readonly messagePushToken = `token${randomBytes(8).toString('hex')}`
  /** Image checks asked for (security.mediaCheckAsync), in order: the answer is pushed when the test says. */
  readonly mediaChecks: { traceId: string; fileId: string; openid: string }[] = []
  private readonly groups = new Map<string, { openGId: string; members: Set<string> }>()
  private readonly cloudIds = new Map<string, { openGId: string; openid: string }>()

  /** A WeChat group chat with these members (openids). */
  createGroup(name: string, members: string[]): void {
    this.groups.set(name, { openGId: `G${randomBytes(8).toString('hex')}`, members: new Set(members) })
  }

  openGIdOf(name: string): string {
    const group = this.groups.get(name)
    if (!group) throw new Error(`no group "${name}"`)
    return group.openGId
  }

  /** getGroupEnterInfo: a member opening a card in the group gets a fresh cloudID; anyone else gets none. */
  issueGroupCloudId(groupName: string, openid: string): string | null {
    const group = this.groups.get(groupName)
    if (!group?.members.has(openid)) return null
    const cloudId = `cloudid-${randomBytes(12).toString('hex')}`
    this.cloudIds.set(cloudId, { openGId: group.openGId, openid })
    return cloudId
  }

  /** cloud.getOpenData: WeChat resolves only cloudIDs it issued, and only for the user they were issued to. */
  resolveCloudId(cloudId: string, openid: string): { opengid: string } | null {
    const issued = this.cloudIds.get(cloudId)
    return issued && issued.openid === openid ? { opengid: issued.openGId } : null
  }

  /** getTempFileURL: a download URL for a stored cloud file (the image check fetches it). */
  tempUrlOf(fileId: string): string | null {
    return this.cloudFiles.has(fileId) ? `https://tmp.weapp-suite.example/${encodeURIComponent(fileId)}` : null
  }

  /** mediaCheckAsync: WeChat takes the URL and answers a trace id; the verdict comes later by message push. */
  startMediaCheck(mediaUrl: string, openid: string): string {
    const fileId = decodeURIComponent(mediaUrl.slice('https://tmp.weapp-suite.example/'.length))
    const traceId = `trace-${randomBytes(8).toString('hex')}`
    this.mediaChecks.push({ traceId, fileId, openid })
    return traceId
  }

  /**
   * The wxa_media_check push WeChat sends for one check, as the message-push URL receives it through the
   * cloud's HTTP access: plaintext JSON, signed with the token.
   */
  mediaCheckPush(fileId: string, suggest: 'pass' | 'risky' | 'review') {
    const check = [...this.mediaChecks].reverse().find((c) => c.fileId === fileId)
    if (!check) throw new Error(`WeChat was never asked to check ${fileId}`)
    const timestamp = String(Math.floor(Date.now() / 1000))
    const nonce = randomBytes(4).readUInt32BE().toString()
    const body = { ToUserName: 'gh_weapp_suite', FromUserName: 'o-platform', CreateTime: Number(timestamp), MsgType: 'event', Event: 'wxa_media_check', appid: this.appId, trace_id: check.traceId, version: 2, result: { suggest, label: suggest === 'pass' ? 100 : 20002 }, detail: [] }
    return { httpMethod: 'POST', queryStringParameters: { signature: signPush(this.messagePushToken, timestamp, nonce), timestamp, nonce }, body: JSON.stringify(body), isBase64Encoded: false }
  }

  storeCloudFile(cloudPath: string, bytes: Buffer): string {
    const fileId = `cloud://${this.env}.${this.appId}/${cloudPath}`
    this.cloudFiles.set(fileId, bytes)
    return fileId
  }
}
