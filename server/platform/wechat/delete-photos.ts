import * as cloud from 'wx-server-sdk'
import type { DeletePhotos } from '../delete-photos'

/** cloud.deleteFile takes at most 50 file ids a call. */
const BATCH = 50

/** Cloud storage's deleteFile: status 0 is deleted; a file already gone counts as gone. */
export const wechatDeletePhotos: DeletePhotos = async (fileIds) => {
  const gone: string[] = []
  for (let i = 0; i < fileIds.length; i += BATCH) {
    const { fileList } = (await cloud.deleteFile({ fileList: fileIds.slice(i, i + BATCH) })) as {
      fileList: { fileID: string; status: number; errMsg?: string }[]
    }
    for (const file of fileList) {
      if (file.status === 0 || /NONEXIST|not ?exist/i.test(file.errMsg ?? '')) gone.push(file.fileID)
      else console.error(`[retention] deleteFile failed for ${file.fileID}: ${file.errMsg ?? file.status}`)
    }
  }
  return gone
}
