/**
 * 我的信息 and 解除绑定 (the Personal Information Protection Law: a person may see what is held about
 * them and their household, take a copy, and withdraw). What a withdrawal takes away and what the
 * cooperative keeps, in the words the page shows before the member confirms.
 */
export const WITHDRAW_GOES: readonly string[] = [
  '您的微信和这一户的绑定：解除后，您在小程序里看不到这户的积分、通报和分红',
  '您给小程序的订阅消息授权，和发给您的站内消息',
  '您在小程序里填的名字（没有工作人员身份时）和长辈模式的设置',
]

export const WITHDRAW_STAYS: readonly string[] = [
  '这户的积分明细和分红记录：这是村股份经济合作社的账，法律允许合作社保存，不会改动',
  '村里花名册上的户主和家庭成员名字：这是合作社的名册',
  '您提过的议事、提交过的整改和申报：作为村里的办事记录保留，照片在结案后按村里的规定删除',
]

/** The name a withdrawn member's records show in place of the name they gave. */
export const WITHDRAWN_NAME = '已解除绑定的村民'
