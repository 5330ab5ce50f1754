import { merchantInputs } from '../../src/core/contracts/merchant'
import { redBlackBoard } from '../services/merchant/board'
import { commendations } from '../services/merchant/commendations'
import { listConcerns, raiseConcern } from '../services/merchant/concerns'
import { addMerchant, listMerchants } from '../services/merchant/merchants'
import { listRatings, rateStars } from '../services/merchant/star-ratings'
import { listStarTerms, publishStarTerms } from '../services/merchant/star-terms'
import { listTrainings, openTraining, signIn } from '../services/merchant/training'
import { allianceYear, exportAllianceYear } from '../services/merchant/year'
import { action, defineFunction } from './define-function'

/** 商家自治联盟: the alliance's merchants; their scoring, notices and binding go through score, notice and account. */
export const merchantFunction = defineFunction('merchant', {
  add: action({ input: merchantInputs.add, mutates: true, run: ({ db, openid }, input) => addMerchant(db, openid, input) }),
  list: action({ input: merchantInputs.list, run: ({ db, openid }, input) => listMerchants(db, openid, input) }),
  starTerms: action({ input: merchantInputs.starTerms, run: ({ db, openid }, input) => listStarTerms(db, openid, input) }),
  publishStarTerms: action({ input: merchantInputs.publishStarTerms, mutates: true, run: ({ db, openid }, input) => publishStarTerms(db, openid, input) }),
  rateStars: action({ input: merchantInputs.rateStars, mutates: true, run: ({ db, openid }, input) => rateStars(db, openid, input) }),
  ratings: action({ input: merchantInputs.ratings, run: ({ db }, input) => listRatings(db, input) }),
  openTraining: action({ input: merchantInputs.openTraining, mutates: true, secretOutputs: ['code'], run: ({ db, openid }, input) => openTraining(db, openid, input) }),
  trainings: action({ input: merchantInputs.trainings, run: ({ db, openid }, input) => listTrainings(db, openid, input) }),
  // The code is a live secret while the session lasts: replays keep no trace of it.
  signIn: action({ input: merchantInputs.signIn, mutates: true, secretFields: ['code'], run: ({ db, openid, platform }, input) => signIn(db, openid, platform.sendSubscribeMessage, input) }),
  concern: action({ input: merchantInputs.concern, mutates: true, run: ({ db, openid, platform }, input) => raiseConcern(db, openid, platform.contentCheck, input) }),
  concerns: action({ input: merchantInputs.concerns, run: ({ db, openid }, input) => listConcerns(db, openid, input) }),
  year: action({ input: merchantInputs.year, run: ({ db, openid }, input) => allianceYear(db, openid, input) }),
  exportYear: action({ input: merchantInputs.exportYear, run: ({ db, openid }, input) => exportAllianceYear(db, openid, input) }),
  // Public, as a notice board on the street: anyone may read it, nobody's name is on it.
  board: action({ input: merchantInputs.board, run: ({ db }, input) => redBlackBoard(db, input) }),
  // Public as the board is; the caller only decides whether the .xlsx is offered.
  commendations: action({ input: merchantInputs.commendations, run: ({ db, openid }, input) => commendations(db, openid, input) }),
})
