/**
 * What the mini-program declares to WeChat in 用户隐私保护指引 (mp.weixin.qq.com → 设置 → 服务内容声明 →
 * 用户隐私保护指引), kept beside the code that needs it. WeChat reviews the guide against the privacy
 * interfaces in the uploaded package, and a privacy interface fails with errno 104 until the user has
 * agreed (小程序隐私协议开发指南). `scripts/privacy-declarations.test.ts` scans src/ and fails when a
 * privacy interface is called from a file this list does not name, or a file named here no longer calls it.
 */

/** WeChat's categories of personal information (the guide's privacy_key and how the console names it). */
export const PRIVACY_INFO = {
  Album: '选中的照片或视频信息',
  AlbumWriteOnly: '相册（仅写入）权限',
  Clipboard: '剪切板',
  MessageFile: '选中的文件',
} as const

export type PrivacyInfo = keyof typeof PRIVACY_INFO

export type PrivacyDeclaration = {
  /** The wx API (called as Taro.<api> or wx.<api>). */
  api: string
  info: PrivacyInfo
  /** 用途, as typed into the console after 「开发者将在获取你的明示同意后，收集你的…，用于」. */
  purpose: string
  /** What cannot be done without consent, in plain words (shown when the user taps 不同意). */
  withoutConsent: string
  /** Every source file (from the repository root) that calls it. */
  files: string[]
}

export const PRIVACY_DECLARATIONS: readonly PrivacyDeclaration[] = [
  {
    api: 'chooseImage',
    info: 'Album',
    purpose: '拍照或选照片，作为申报、整改、巡查和议事的凭证，交给村里核对',
    withoutConsent: '不同意就不能拍照或选照片。已经写好的内容都还在，可以先不带照片，或者再点一次拍照时选「同意」。',
    files: ['src/hooks/use-photo-uploads.ts'],
  },
  {
    api: 'setClipboardData',
    info: 'Clipboard',
    purpose: '复制积分卡的码或通报的链接，方便您交给店员或发给别人',
    withoutConsent: '不同意就不能复制。可以请店员直接扫码。',
    files: ['src/pages/card/index.tsx', 'src/pages/notices/bulletin.tsx'],
  },
  {
    api: 'saveImageToPhotosAlbum',
    info: 'AlbumWriteOnly',
    purpose: '把通报海报保存到手机相册，方便转发到村里的群',
    withoutConsent: '不同意就不能把海报存到相册。可以点开海报，长按图片保存。',
    files: ['src/pages/notices/bulletin-poster.tsx'],
  },
  {
    api: 'chooseMessageFile',
    info: 'MessageFile',
    purpose: '从微信聊天里选村里的花名册或组织架构表格（.xlsx、.csv）导入',
    withoutConsent: '不同意就不能从聊天里选表格。可以在电脑上打开后台导入。',
    files: ['src/api/pick-roster-file.ts'],
  },
]

/**
 * WeChat's privacy interfaces (小程序用户隐私保护指引内容介绍, the table of 处理的信息 → 接口或组件):
 * calling any of these needs a declaration. `scanCode` and `previewImage` are not in WeChat's table.
 */
export const PRIVACY_APIS: readonly string[] = [
  'chooseImage', 'chooseMedia', 'chooseVideo', 'chooseMessageFile',
  'saveImageToPhotosAlbum', 'saveVideoToPhotosAlbum',
  'setClipboardData', 'getClipboardData',
  'getLocation', 'getFuzzyLocation', 'startLocationUpdate', 'startLocationUpdateBackground', 'chooseLocation', 'choosePoi',
  'chooseAddress', 'chooseInvoice', 'chooseInvoiceTitle', 'getWeRunData', 'chooseLicensePlate',
  'startRecord', 'getRecorderManager', 'joinVoIPChat', 'createCameraContext', 'createVKSession',
  'openBluetoothAdapter', 'createBLEPeripheralServer', 'addPhoneContact', 'addPhoneCalendar', 'addPhoneRepeatCalendar',
  'getUserProfile', 'getUserInfo', 'authorize',
]

/** What the 不同意 path says for an API (by the referrer WeChat names), or a general sentence. */
export function withoutConsentText(api: string | undefined): string {
  const declared = PRIVACY_DECLARATIONS.find((d) => d.api === api || (api ?? '').endsWith(`.${d.api}`))
  return declared?.withoutConsent ?? '不同意就不能用这一项功能，其他功能照常使用。'
}
