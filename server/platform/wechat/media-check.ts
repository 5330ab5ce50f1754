import * as cloud from 'wx-server-sdk'
import type { StartMediaCheck } from '../media-check'

/** media_type 2 is an image; scene 3 is 论坛 (a public board). */
const IMAGE = 2
const FORUM = 3

/**
 * security.mediaCheckAsync by cloud call: WeChat downloads the image from a URL it can reach, so the
 * cloud file id is first turned into a temporary download URL. The cloud call answers `traceId`
 * (the HTTPS API names it trace_id); the function's config.json grants security.mediaCheckAsync.
 */
export const wechatMediaCheck: StartMediaCheck = async ({ fileId, openid }) => {
  const { fileList } = (await cloud.getTempFileURL({ fileList: [fileId] })) as { fileList: { tempFileURL?: string }[] }
  const mediaUrl = fileList[0]?.tempFileURL
  if (!mediaUrl) throw new Error(`no download URL for ${fileId}`)
  const answer = (await cloud.openapi.security.mediaCheckAsync({ mediaUrl, mediaType: IMAGE, version: 2, scene: FORUM, openid })) as {
    traceId?: string
    trace_id?: string
  }
  const traceId = answer.traceId ?? answer.trace_id
  if (!traceId) throw new Error('mediaCheckAsync answered no trace id')
  return { traceId }
}
