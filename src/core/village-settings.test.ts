import { DEFAULT_RECTIFIED_VISIBLE_DAYS, villageSettingsOf } from './village-settings'

describe('a village’s settings', () => {
  it('When a village has decided nothing yet, then scores apply at once and rectified notices stay 3 days', () => {
    expect(villageSettingsOf({ cooperative: '赵家桥村股份经济合作社' })).toEqual({ gridLeaderScoresNeedApproval: false, rectifiedVisibleDays: DEFAULT_RECTIFIED_VISIBLE_DAYS })
    expect(villageSettingsOf(null)).toEqual({ gridLeaderScoresNeedApproval: false, rectifiedVisibleDays: 3 })
  })

  it('When a village has decided, then its choices are read back and nothing else', () => {
    expect(villageSettingsOf({ cooperative: '通界村股份经济合作社', gridLeaderScoresNeedApproval: true, rectifiedVisibleDays: 7 })).toEqual({
      gridLeaderScoresNeedApproval: true,
      rectifiedVisibleDays: 7,
    })
  })

  it('When a stored value is malformed, then the defaults apply rather than a half-read setting', () => {
    expect(villageSettingsOf({ gridLeaderScoresNeedApproval: 'yes', rectifiedVisibleDays: 7 })).toEqual({ gridLeaderScoresNeedApproval: false, rectifiedVisibleDays: 3 })
  })
})
