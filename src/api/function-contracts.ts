import type { input } from 'zod'
import type { AccountOutputs, accountInputs } from '../core/contracts/account'
import type { CardOutputs, cardInputs } from '../core/contracts/card'
import type { CreditOutputs, creditInputs } from '../core/contracts/credit'
import type { MerchantOutputs, merchantInputs } from '../core/contracts/merchant'
import type { DividendOutputs, dividendInputs } from '../core/contracts/dividend'
import type { MatterOutputs, matterInputs } from '../core/contracts/matter'
import type { NoticeOutputs, noticeInputs } from '../core/contracts/notice'
import type { OrgOutputs, orgInputs } from '../core/contracts/org'
import type { ScoreOutputs, scoreInputs } from '../core/contracts/score'
import type { StreetOutputs, streetInputs } from '../core/contracts/street'

/**
 * Every cloud function the front end calls: its zod input schemas and its outputs, as types only.
 * `import type` is erased at build time, so neither zod nor the contracts' values reach the bundle.
 */
type Contract<Inputs extends Record<string, unknown>, Outputs extends Record<keyof Inputs, unknown>> = {
  inputs: Inputs
  outputs: Outputs
}

export type FunctionContracts = {
  account: Contract<typeof accountInputs, AccountOutputs>
  score: Contract<typeof scoreInputs, ScoreOutputs>
  dividend: Contract<typeof dividendInputs, DividendOutputs>
  card: Contract<typeof cardInputs, CardOutputs>
  notice: Contract<typeof noticeInputs, NoticeOutputs>
  org: Contract<typeof orgInputs, OrgOutputs>
  matter: Contract<typeof matterInputs, MatterOutputs>
  street: Contract<typeof streetInputs, StreetOutputs>
  credit: Contract<typeof creditInputs, CreditOutputs>
  merchant: Contract<typeof merchantInputs, MerchantOutputs>
}

export type FunctionName = keyof FunctionContracts
export type ActionName<N extends FunctionName> = keyof FunctionContracts[N]['inputs'] & string

/** What an action takes besides its name (zod's input type, so optional fields stay optional). */
export type ActionParams<N extends FunctionName, A extends ActionName<N>> = input<FunctionContracts[N]['inputs'][A]>

/** What an action answers inside `{ ok: true, data }`. */
export type ActionResult<N extends FunctionName, A extends ActionName<N>> =
  FunctionContracts[N]['outputs'][A & keyof FunctionContracts[N]['outputs']]
