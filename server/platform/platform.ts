import type { ContentCheck } from './content-check'
import type { ResolveGroupTicket } from './group-ticket'
import type { SendSubscribeMessage } from './subscribe-message'

/** Services that differ between WeChat cloud and the local gateway. */
export type Platform = {
  contentCheck: ContentCheck
  resolveGroupTicket: ResolveGroupTicket
  sendSubscribeMessage: SendSubscribeMessage
}
