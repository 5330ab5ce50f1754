import Taro from '@tarojs/taro'
import type { DividendExport } from '../core/contracts/dividend'

/**
 * Hands an exported file to the user. H5: a browser download. Mini-program: the file is written
 * to the user data folder, then an .xlsx opens in WeChat's document viewer (its menu forwards or
 * saves it) and a CSV is sent as a file message (WeChat cannot preview CSV). Returns what to tell
 * the user.
 */
export async function saveExport(file: DividendExport): Promise<string> {
  if (process.env.TARO_ENV === 'h5') {
    const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))
    const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }))
    const link = document.createElement('a')
    link.href = url
    link.download = file.fileName
    document.body.appendChild(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), 60_000)
    return `已下载：${file.fileName}`
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${file.fileName}`
  Taro.getFileSystemManager().writeFileSync(filePath, file.base64, 'base64')
  if (file.fileName.endsWith('.xlsx')) {
    await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true })
    return '表格已打开，可点右上角“…”转发或保存'
  }
  await Taro.shareFileMessage({ filePath, fileName: file.fileName })
  return `已发送：${file.fileName}`
}
