import type { ContentCheck } from './content-check'
import type { DeletePhotos } from './delete-photos'
import type { StartMediaCheck } from './media-check'
import type { ResolveGroupTicket } from './group-ticket'
import type { SendSubscribeMessage } from './subscribe-message'

/** Services that differ between WeChat cloud and the local gateway. */
export type Platform = {
  contentCheck: ContentCheck
  resolveGroupTicket: ResolveGroupTicket
  sendSubscribeMessage: SendSubscribeMessage
  /** WeChat's image check of photos others will see; null where there is none (the local gateway). */
  startMediaCheck: StartMediaCheck | null
  /** Deletes closed cases' photos from storage (the timer's retention); null where no timer runs (the local gateway). */
  deletePhotos: DeletePhotos | null
}
