/** Stable error codes with the plain Chinese message a user sees. Tests assert on the codes. */
export const ERROR_MESSAGES = {
  INVALID_INPUT: '填写的内容有误，请检查后再试',
  NOT_FOUND: '没有找到要找的内容',
  UNAUTHENTICATED: '请在微信里打开小程序',
  NOT_REGISTERED: '您还没有登记到村里的名册，请找村干部登记',
  FORBIDDEN: '您没有权限做这件事',
  INSUFFICIENT_POINTS: '积分不够，不能扣这么多',
  INSUFFICIENT_STOCK: '这件商品库存不够了',
  GOODS_OFF_SHELF: '这件商品已经下架，不能兑换',
  TOKEN_EXPIRED: '积分卡二维码已过期，请让村民刷新后再扫',
  TOKEN_USED: '这个积分卡二维码已经用过了，请让村民刷新后再扫',
  TOKEN_INVALID: '这不是本系统的积分卡二维码',
  TOKEN_FOREIGN: '这户不属于本超市服务的村，不能在这里兑换',
  PIN_WRONG: '密码不对，请再试一次',
  CARD_CODE_WRONG: '数字码不对或已经过期，请村民刷新积分卡后再念一遍',
  PIN_LOCKED: '密码输错次数太多，卡已锁定，请找村干部重新设置密码',
  PIN_NOT_SET: '这张积分卡还没有设置密码，请找村干部设置',
  ALREADY_REVERSED: '这一笔已经撤销过了，不能再撤销',
  CONTENT_REFUSED: '您写的内容没有通过平台的内容安全检查，请修改后再提交',
  TOO_MANY_ATTEMPTS: '邀请码输错次数太多，请一小时后再试，或请村干部帮忙',
  ALREADY_BOUND: '您的微信已经绑定了一户，如要换户请先找村干部解绑',
  ROSTER_CHANGED: '名册和预览时不一样了，请重新选择文件预览后再导入',
  RULE_OUTDATED: '这条细则已经更新了，请刷新后重新选择',
  RULE_NOT_APPLICABLE: '这条细则不适用于所选的农户',
  EVIDENCE_REQUIRED: '这条细则需要拍照留证，请先添加照片',
  LIMIT_REACHED: '这户这条细则的次数已经满了',
  ALREADY_DECIDED: '这件事已经处理过了',
  NOT_CLAIMABLE: '这条细则不能自己申报',
  NOT_APPEALABLE: '只有扣分可以申诉',
  ALREADY_APPEALED: '这笔扣分已经申诉过了',
  DIVIDEND_NOT_SHARABLE: '这笔分红现在分不下去，请看提示调整金额或分配办法',
  DIVIDEND_PUBLISHED: '这份分红方案已经公示，不能再改；如需更正，请重新做一份方案后公示',
  NOTICE_STATE: '这条通报现在不能这样操作',
  MATTER_STATE: '这件事现在不能这样办理',
  CERTIFICATE_INVALID: '这不是有效的积分证明：证明码或签名对不上，请核对后再试',
  PLATE_INVALID: '这不是本系统的门牌码，请核对门牌上的码后再试',
  PLATE_REVOKED: '这块门牌已经换了新的，旧门牌上的码不能再用，请扫新门牌',
  CERTIFICATE_STATE: '这份积分证明现在不能这样操作',
  INVALID_GROUP_TICKET: '没能确认是从哪个微信群打开的，请从群里的卡片重新打开',
  FOREIGN_GROUP: '这个微信群不属于这个村，看不到通报内容',
  IDEMPOTENCY_MISMATCH: '这次提交和之前的同一笔内容不一样，请返回刷新后重新操作',
  BUSY: '系统繁忙，请稍后再试',
  INTERNAL: '系统忙，请稍后再试',
} as const

export type ErrorCode = keyof typeof ERROR_MESSAGES

/** An expected failure of an action: it carries a stable code and a message fit to show a villager. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_MESSAGES[code],
    /** Bad input: each field's problem in plain words, by the field's name, for the form to show beside it. */
    readonly fields?: Record<string, string>,
  ) {
    super(message)
    this.name = 'AppError'
  }
}
