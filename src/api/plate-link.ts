import { plateLink } from '../core/plates/plate-code'

/**
 * The address a door plate's QR links to in the mini-program: the link registered in WeChat's
 * 扫普通链接二维码打开小程序 (开发管理 → 开发设置) for the page pages/plate/index, given at build time
 * as TARO_APP_PLATE_LINK (e.g. https://村里的域名/plate). WeChat's own camera then opens that page
 * with the link as its `q`. Without it the QR holds the signed plate alone, which the app's 扫门牌 reads.
 */
export function plateQrText(signed: string): string {
  const base = process.env.TARO_APP_PLATE_LINK ?? ''
  return base ? plateLink(base, signed) : signed
}
