import { cardInputs } from '../../src/core/contracts/card'
import { codeCardToken } from '../services/card/card-code'
import { issueCardToken, myCard, printedCard, printedCardToken, setCardPin } from '../services/card/card'
import { readHolder, redeem } from '../services/card/redeem'
import { reverseRedemption } from '../services/card/redemption-reversal'
import { listGoods, saveGoods } from '../services/card/goods'
import { dailySummary, receipt, reconcile } from '../services/card/reports'
import { action, defineFunction } from './define-function'

export const cardFunction = defineFunction('card', {
  myCard: action({ input: cardInputs.myCard, run: ({ db, openid }) => myCard(db, openid) }),
  cardToken: action({ input: cardInputs.cardToken, run: ({ db, openid }) => issueCardToken(db, openid) }),
  holder: action({ input: cardInputs.holder, run: ({ db, openid }, input) => readHolder(db, openid, input) }),
  // Not a `mutates` action on purpose: a wrong PIN must stay counted, so it cannot share a rolled-back transaction.
  printedCardToken: action({ input: cardInputs.printedCardToken, run: ({ db, openid }, input) => printedCardToken(db, openid, input) }),
  // Not `mutates` either: a wrong code must stay counted (the service commits the count on its own).
  codeToken: action({ input: cardInputs.codeToken, run: ({ db, openid }, input) => codeCardToken(db, openid, input) }),
  goods: action({ input: cardInputs.goods, run: ({ db, openid }, input) => listGoods(db, openid, input) }),
  saveGoods: action({ input: cardInputs.saveGoods, mutates: true, run: ({ db, openid }, input) => saveGoods(db, openid, input) }),
  redeem: action({ input: cardInputs.redeem, mutates: true, run: ({ db, openid }, input) => redeem(db, openid, input) }),
  reverseRedemption: action({
    input: cardInputs.reverseRedemption,
    mutates: true,
    run: ({ db, openid }, input) => reverseRedemption(db, openid, input),
  }),
  receipt: action({ input: cardInputs.receipt, run: ({ db, openid }, input) => receipt(db, openid, input) }),
  dailySummary: action({ input: cardInputs.dailySummary, run: ({ db, openid }, input) => dailySummary(db, openid, input) }),
  reconcile: action({ input: cardInputs.reconcile, run: ({ db, openid }, input) => reconcile(db, openid, input) }),
  printedCard: action({ input: cardInputs.printedCard, run: ({ db, openid }, input) => printedCard(db, openid, input) }),
  setCardPin: action({
    input: cardInputs.setCardPin,
    mutates: true,
    secretFields: ['pin'],
    run: ({ db, openid }, input) => setCardPin(db, openid, input),
  }),
})
