import { plateLink } from '../core/plates/plate-code'

/** H5: the QR links to this app's own plate page, so any phone's camera opens it in the browser. */
export function plateQrText(signed: string): string {
  return plateLink(`${window.location.origin}${window.location.pathname}#/pages/plate/index`, signed)
}
