import type { Platform } from '../functions/define-function'
import { skipContentCheck } from '../platform/content-check'
import { localGroupTickets } from '../platform/group-ticket'
import { skipSubscribeMessage } from '../platform/subscribe-message'

/** The platform services of the local gateway: no WeChat behind it, and it says so where it matters. */
export const localPlatform: Platform = {
  contentCheck: skipContentCheck,
  resolveGroupTicket: localGroupTickets,
  sendSubscribeMessage: skipSubscribeMessage,
}
