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
export const PHOTO_HIDDEN_NOTE = '您的照片没有通过微信的安全检查，别人看不到它；这件事照常办理。'

/**
 * What is known of one photo: WeChat's verdict and who uploaded it (null for a photo never sent to the
 * check), and whether it was deleted (its case closed longer ago than its village keeps photos).
 */
export type PhotoCheck = { verdict: PhotoVerdict; uploaderOpenid: string; deleted: boolean } | { verdict: null; uploaderOpenid: null; deleted: true }

/**
 * Who looks at a list of photos: their openid (the uploader is known per photo), and their standing on
 * the case. `concerned`: of the household the case is about (its own notice, ledger, claim, matter),
 * which sees its case's photos while they are checked, as the uploader does.
 */
export type PhotoLooker = { openid: string | null; concerned: boolean; actingStaff: boolean; streetAdmin: boolean }

/**
 * A list of photos as one person may see it: the photos shown, how many read 「照片审核中」, and the
 * note for an uploader whose photo was hidden. Deleted photos are left out. The one rule for every place photos are shown
 * (matters and their steps, notices and their proofs, claims, inspections).
 */
export type PhotosSeen = { photos: string[]; photosInCheck: number; photoNote: string | null }

export function photosSeenBy(photos: readonly string[], checks: ReadonlyMap<string, PhotoCheck>, looker: PhotoLooker): PhotosSeen {
  const seen: PhotosSeen = { photos: [], photosInCheck: 0, photoNote: null }
  for (const photo of photos) {
    const check = checks.get(photo)
    if (check?.deleted) continue
    const uploader = check !== undefined && looker.openid !== null && check.uploaderOpenid === looker.openid
    const shown = photoShown(check?.verdict ?? undefined, { uploader: uploader || looker.concerned, actingStaff: looker.actingStaff, streetAdmin: looker.streetAdmin })
    if (shown === 'shown') seen.photos.push(photo)
    if (shown === 'checking') seen.photosInCheck++
    if (uploader && check.verdict === 'risky') seen.photoNote = PHOTO_HIDDEN_NOTE
  }
  return seen
}

/** How long WeChat takes at most ("异步检测结果在 30 分钟内会推送"): a photo still checking after this is asked again. */
export const MEDIA_CHECK_RETRY_AFTER_MS = 30 * 60_000

export const verdictOfSuggest = (suggest: 'pass' | 'risky' | 'review'): Exclude<PhotoVerdict, 'checking'> => (suggest === 'pass' ? 'pass' : 'risky')
