import type { Platform } from '../platform'
import { skipContentCheck } from '../content-check'
import { localGroupTickets } from '../group-ticket'
import { SKIP_MEDIA_CHECK } from '../media-check'
import { skipSubscribeMessage } from '../subscribe-message'

/** The platform services of the local gateway: no WeChat behind it, and it says so where it matters. */
export const localPlatform: Platform = {
  contentCheck: skipContentCheck,
  resolveGroupTicket: localGroupTickets,
  sendSubscribeMessage: skipSubscribeMessage,
  startMediaCheck: SKIP_MEDIA_CHECK,
  // No timer runs beside the local gateway: its photos stay until `npm run demo:reset`.
  deletePhotos: null,
}
