import { noticeInputs } from '../../src/core/contracts/notice'
import { openBulletinFromGroup } from '../services/notice/groups'
import { extendNotice, submitProof, verifyProof } from '../services/notice/proof'
import { noticeStats } from '../services/notice/stats'
import {
  awaitingCheck,
  bulletinCandidates,
  listChannels,
  myNotices,
  noticeDetail,
  openNotice,
  postBulletin,
  readBulletin,
  readChannel,
} from '../services/notice/notices'
import { markMessagesRead, myMessages, recordSubscriptionGrant } from '../services/shared/notifications'
import { loadCaller } from '../services/shared/caller'
import { action, defineFunction } from './define-function'

export const noticeFunction = defineFunction('notice', {
  open: action({
    input: noticeInputs.open,
    mutates: true,
    run: ({ db, openid, platform }, input) => openNotice(db, openid, platform.sendSubscribeMessage, input),
  }),
  awaitingCheck: action({ input: noticeInputs.awaitingCheck, run: ({ db, openid }, input) => awaitingCheck(db, openid, input) }),
  candidates: action({ input: noticeInputs.candidates, run: ({ db, openid }, input) => bulletinCandidates(db, openid, input) }),
  postBulletin: action({ input: noticeInputs.postBulletin, mutates: true, run: ({ db, openid }, input) => postBulletin(db, openid, input) }),
  channels: action({ input: noticeInputs.channels, run: ({ db, openid }, input) => listChannels(db, openid, input) }),
  channel: action({ input: noticeInputs.channel, run: ({ db, openid }, input) => readChannel(db, openid, input) }),
  bulletin: action({ input: noticeInputs.bulletin, run: ({ db, openid }, input) => readBulletin(db, openid, input) }),
  openFromGroup: action({
    input: noticeInputs.openFromGroup,
    mutates: true,
    run: ({ db, openid, platform }, input) => openBulletinFromGroup(db, openid, platform.resolveGroupTicket, input),
  }),
  mine: action({ input: noticeInputs.mine, run: ({ db, openid }) => myNotices(db, openid) }),
  detail: action({ input: noticeInputs.detail, run: ({ db, openid }, input) => noticeDetail(db, openid, input) }),
  submitProof: action({
    input: noticeInputs.submitProof,
    mutates: true,
    run: ({ db, openid, platform }, input) => submitProof(db, openid, platform, input),
  }),
  verify: action({
    input: noticeInputs.verify,
    mutates: true,
    run: ({ db, openid, platform }, input) => verifyProof(db, openid, platform.sendSubscribeMessage, input),
  }),
  extend: action({ input: noticeInputs.extend, mutates: true, run: ({ db, openid }, input) => extendNotice(db, openid, input) }),
  stats: action({ input: noticeInputs.stats, run: ({ db, openid }, input) => noticeStats(db, openid, input) }),
  messages: action({ input: noticeInputs.messages, run: async ({ db, openid }, input) => myMessages(db, (await loadCaller(db, openid)).openid, input) }),
  markRead: action({ input: noticeInputs.markRead, mutates: true, run: ({ db, openid }, input) => markMessagesRead(db, openid, input.ids) }),
  grantSubscription: action({
    input: noticeInputs.grantSubscription,
    mutates: true,
    run: async ({ db, openid }, input) => recordSubscriptionGrant(db, (await loadCaller(db, openid)).openid, input.granted),
  }),
})
