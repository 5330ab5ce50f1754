import Taro from '@tarojs/taro'
import { grantNoticeSubscription } from './notice'
import { newRequestId } from './request-id'

/** The notice template id, from TARO_APP_SUBSCRIBE_TEMPLATE_NOTICE at build time ('' when none). */
const NOTICE_TEMPLATE_ID = process.env.TARO_APP_SUBSCRIBE_TEMPLATE_NOTICE ?? ''

/** Only the mini-program has one-time subscribe messages; H5 (and a build without a template) never asks. */
export const noticeSubscriptionPossible = process.env.TARO_ENV === 'weapp' && NOTICE_TEMPLATE_ID !== ''

/**
 * Asks the villager to allow one WeChat message about rectification notices and, if allowed, tells
 * the server (each grant is good for one message). WeChat shows the request only from a tap, so call
 * this first thing in a tap handler, without awaiting anything before it. Never fails: a refusal or
 * an error only means no WeChat message; the in-app message list still shows everything.
 */
export async function askNoticeSubscription(): Promise<void> {
  if (!noticeSubscriptionPossible) return
  try {
    // Taro's type also wants Alipay's entityIds; WeChat takes tmplIds only.
    const option = { tmplIds: [NOTICE_TEMPLATE_ID] } as unknown as Taro.requestSubscribeMessage.Option
    const answer = (await Taro.requestSubscribeMessage(option)) as unknown as Record<string, unknown>
    if (answer[NOTICE_TEMPLATE_ID] === 'accept') await grantNoticeSubscription(newRequestId(), 1)
  } catch {
    // Refused, or the user switched subscriptions off: nothing to record.
  }
}
