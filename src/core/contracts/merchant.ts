import { z } from 'zod'
import { MERCHANT_CATEGORIES } from '../member-kind'
import { personName, type MerchantView, type OrgRef } from './account'
import { requestIdSchema } from './request-id'

const allianceId = z.string().min(1).max(64)
const plainText = (what: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `请填写${what}`)
    .max(max, `${what}最多 ${max} 个字`)
    .regex(/^[^\p{C}<>]+$/u, `${what}里有不能用的符号`)

/**
 * Inputs of the `merchant` cloud function (商家自治联盟). The alliance's committee (or the street's
 * admin) adds merchants; owners bind with a code from `account.issueInvite` and `account.bind`,
 * inspections go through `score.submit`, rectification through `notice`, as for households.
 */
export const merchantInputs = {
  add: z.object({
    requestId: requestIdSchema,
    allianceId,
    /** 字号: the shop's public name. */
    tradeName: plainText('字号', 30),
    trade: z.enum(MERCHANT_CATEGORIES),
    /** The owner's name: for the committee only, never shown to the public. */
    ownerName: personName('店主姓名'),
    /** 店址: unique within the alliance (a merchant's "门牌"). */
    address: plainText('店址', 40),
  }),
  list: z.object({ allianceId }),
}

export type MerchantList = { alliance: OrgRef; merchants: MerchantView[] }

export type MerchantOutputs = {
  add: MerchantView
  list: MerchantList
}
