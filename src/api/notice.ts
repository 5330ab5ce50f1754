import type { Envelope } from '../core/contracts/envelope'
import type {
  BulletinView,
  ChannelSummary,
  NoticeOutputs,
  NoticeView,
} from '../core/contracts/notice'
import { callFunction } from './call-function'

/** The group channels of my village (or of a village in my scope), with how many notices each holds. */
export function noticeChannels(orgId?: string): Promise<Envelope<ChannelSummary[]>> {
  return callFunction('notice', 'channels', orgId ? { orgId } : {})
}

/** One channel (a villager group, or a whole village) as its members read it. */
export function noticeChannel(orgId: string): Promise<Envelope<NoticeOutputs['channel']>> {
  return callFunction('notice', 'channel', { orgId })
}

/** 我家的通报: every notice of the caller's household (and merchant); none for a caller without one. */
export function myNotices(): Promise<Envelope<NoticeView[]>> {
  return callFunction('notice', 'mine', {})
}

export function noticeDetail(noticeId: number): Promise<Envelope<NoticeView>> {
  return callFunction('notice', 'detail', { noticeId })
}

/** 提交整改: photos (file ids from uploadPhoto) and a note; the notice becomes 待核验. */
export function submitNoticeProof(input: { requestId: string; noticeId: number; photos: string[]; note?: string }): Promise<Envelope<NoticeView>> {
  return callFunction('notice', 'submitProof', input)
}

export function readBulletin(bulletinId: number): Promise<Envelope<BulletinView>> {
  return callFunction('notice', 'bulletin', { bulletinId })
}

/** A 通报 card opened from a WeChat group: `cloudId` from getGroupEnterInfo (H5 demo: "local-group:<name>"). */
export function openBulletinFromGroup(input: { requestId: string; bulletinId: number; cloudId: string }): Promise<Envelope<BulletinView>> {
  return callFunction('notice', 'openFromGroup', input)
}

/** Counts the subscribe messages the user just allowed (each is good for one message). */
export function grantNoticeSubscription(requestId: string, granted: number): Promise<Envelope<{ available: number }>> {
  return callFunction('notice', 'grantSubscription', { requestId, template: 'notice', granted })
}
