/**
 * A one-time subscribe message (订阅消息) to one user. Each message needs a grant the user gave by a
 * tap; the caller counts grants and only sends when one is left.
 */
export type SubscribeMessage = {
  openid: string
  /** Our name for the template; deployments map it to a WeChat template id. */
  template: 'notice'
  page: string
  /** Short plain fields: what happened, about what, and when. */
  fields: { what: string; item: string; time: string }
}
export type DeliveryResult = 'sent' | 'failed' | 'skipped'
export type SendSubscribeMessage = (message: SubscribeMessage) => Promise<DeliveryResult>

/** The local gateway cannot reach WeChat: messages only land in the in-app list. */
export const skipSubscribeMessage: SendSubscribeMessage = async (message) => {
  console.log(`[subscribe-message] skipped on the local gateway: ${message.fields.what} → ${message.openid}`)
  return 'skipped'
}
