import Taro from '@tarojs/taro'
import { ROSTER_MAX_BYTES, type PickedRosterFile } from './roster-file'

export type { PickedRosterFile, RosterFile } from './roster-file'

/**
 * The mini-program's file pick: a roster can only come from a WeChat chat (chooseMessageFile),
 * e.g. the .xlsx the cadre sent to themselves or to the village group. The H5 build uses
 * pick-roster-file.h5.ts instead (Taro's H5 has no chooseMessageFile). Null when cancelled.
 */
export async function pickRosterFile(): Promise<PickedRosterFile | null> {
  let picked: Taro.chooseMessageFile.SuccessCallbackResult
  try {
    picked = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx', 'csv'] })
  } catch {
    return null
  }
  const file = picked.tempFiles[0]
  if (!file) return null
  if (file.size > ROSTER_MAX_BYTES) return { ok: false, message: '文件不能超过 2 MB' }
  try {
    const contentBase64 = Taro.getFileSystemManager().readFileSync(file.path, 'base64') as string
    return { ok: true, file: { fileName: file.name, contentBase64 } }
  } catch {
    return { ok: false, message: '文件读不出来，请重新选择' }
  }
}
