import { accountFunction } from './account'
import { cardFunction } from './card'
import { creditFunction } from './credit'
import type { CloudFunction } from './define-function'
import { dividendFunction } from './dividend'
import { matterFunction } from './matter'
import { merchantFunction } from './merchant'
import { noticeFunction } from './notice'
import { orgFunction } from './org'
import { scoreFunction } from './score'
import { streetFunction } from './street'

/** Every cloud function by name: the gateway serves these, scripts/build-functions deploys these. */
export const cloudFunctions: Record<string, CloudFunction> = {
  account: accountFunction,
  score: scoreFunction,
  notice: noticeFunction,
  dividend: dividendFunction,
  card: cardFunction,
  org: orgFunction,
  matter: matterFunction,
  street: streetFunction,
  credit: creditFunction,
  merchant: merchantFunction,
}

/**
 * Functions WeChat itself calls rather than the app, with their deployed entry in cloud-main.ts: the
 * message-push receiver (reached through HTTP access) and the timer (a timer trigger).
 */
export const triggeredFunctions = { wechatPush: 'cloudPushMain', timer: 'cloudTimerMain' } as const
