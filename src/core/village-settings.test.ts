import { DEFAULT_PHOTO_KEPT_DAYS, DEFAULT_RECTIFIED_VISIBLE_DAYS, villageSettingsOf } from './village-settings'

describe('a village’s settings', () => {
  it('When a village has decided nothing yet, then scores apply at once, rectified notices stay 3 days and closed cases keep their photos 180 days', () => {
    expect(villageSettingsOf({ cooperative: '赵家桥村股份经济合作社' })).toEqual({
      gridLeaderScoresNeedApproval: false,
      rectifiedVisibleDays: DEFAULT_RECTIFIED_VISIBLE_DAYS,
      photoKeptDays: DEFAULT_PHOTO_KEPT_DAYS,
    })
    expect(villageSettingsOf(null)).toEqual({ gridLeaderScoresNeedApproval: false, rectifiedVisibleDays: 3, photoKeptDays: 180 })
  })

  it('When a village has decided, then its choices are read back and nothing else', () => {
    expect(villageSettingsOf({ cooperative: '通界村股份经济合作社', gridLeaderScoresNeedApproval: true, rectifiedVisibleDays: 7, photoKeptDays: 365 })).toEqual({
      gridLeaderScoresNeedApproval: true,
      rectifiedVisibleDays: 7,
      photoKeptDays: 365,
    })
  })

  it('When a stored value is malformed, then the defaults apply rather than a half-read setting', () => {
    expect(villageSettingsOf({ gridLeaderScoresNeedApproval: 'yes', rectifiedVisibleDays: 7 })).toEqual({ gridLeaderScoresNeedApproval: false, rectifiedVisibleDays: 3, photoKeptDays: 180 })
    expect(villageSettingsOf({ photoKeptDays: 1 })).toEqual({ gridLeaderScoresNeedApproval: false, rectifiedVisibleDays: 3, photoKeptDays: 180 })
  })
})
