/** WeChat's image check of a photo others will see: waiting, passed, or risky (`review` counts as risky). */
export type PhotoVerdict = 'checking' | 'pass' | 'risky'

/** Who looks at a photo: its uploader, staff acting on the case, the street's admin, or anyone else. */
export type PhotoViewer = { uploader: boolean; actingStaff: boolean; streetAdmin: boolean }

/** What a viewer sees of one photo: the photo, 「照片审核中」, or nothing. */
export type PhotoShown = 'shown' | 'checking' | 'hidden'

/**
 * Photos reach the public only after WeChat's check passed. Until the answer the uploader and the
 * staff acting on the case see it (they need it to work) and the public reads 「照片审核中」; a risky
 * photo is hidden from everyone but the street's admin (who answers for what was hidden). A photo
 * without a check (taken before checks existed) shows as before.
 */
export function photoShown(verdict: PhotoVerdict | undefined, viewer: PhotoViewer): PhotoShown {
  if (verdict === undefined || verdict === 'pass') return 'shown'
  if (verdict === 'risky') return viewer.streetAdmin ? 'shown' : 'hidden'
  return viewer.uploader || viewer.actingStaff || viewer.streetAdmin ? 'shown' : 'checking'
}

export const PHOTO_CHECKING_LABEL = '照片审核中'
export const PHOTO_HIDDEN_NOTE = '您的照片没有通过微信的安全检查，别人看不到它；您提的事照常办理。'

/** How long WeChat takes at most ("异步检测结果在 30 分钟内会推送"): a photo still checking after this is asked again. */
export const MEDIA_CHECK_RETRY_AFTER_MS = 30 * 60_000

export const verdictOfSuggest = (suggest: 'pass' | 'risky' | 'review'): Exclude<PhotoVerdict, 'checking'> => (suggest === 'pass' ? 'pass' : 'risky')
