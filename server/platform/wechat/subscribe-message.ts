import * as cloud from 'wx-server-sdk'
import type { SendSubscribeMessage } from '../subscribe-message'

/**
 * subscribeMessage.send through cloud calls. The template id comes from the function's environment
 * (SUBSCRIBE_TEMPLATE_NOTICE); its keywords must be thing1 (what), thing2 (item), time3 (time) —
 * pick a template with those fields in the WeChat console, or map them here.
 */
export const wechatSubscribeMessage: SendSubscribeMessage = async (message) => {
  const templateId = process.env.SUBSCRIBE_TEMPLATE_NOTICE
  if (!templateId) return 'skipped'
  try {
    await cloud.openapi.subscribeMessage.send({
      touser: message.openid,
      templateId,
      page: message.page,
      data: {
        thing1: { value: message.fields.what.slice(0, 20) },
        thing2: { value: message.fields.item.slice(0, 20) },
        time3: { value: message.fields.time },
      },
    })
    return 'sent'
  } catch (error) {
    console.warn('[subscribe-message] send failed', (error as { errCode?: number }).errCode)
    return 'failed'
  }
}
