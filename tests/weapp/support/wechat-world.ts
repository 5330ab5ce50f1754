import { randomBytes } from 'node:crypto'

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

  storeCloudFile(cloudPath: string, bytes: Buffer): string {
    const fileId = `cloud://${this.env}.${this.appId}/${cloudPath}`
    this.cloudFiles.set(fileId, bytes)
    return fileId
  }
}
