import { matterInputs } from '../../src/core/contracts/matter'
import { acceptMatter, declineMatter, mergeMatter } from '../services/matter/assess'
import { matterBoard, matterWorkList, myMatters, readMatter } from '../services/matter/boards'
import { assignMatter, extendMatter, giveFeedback, reportProgress } from '../services/matter/handle'
import { matterNumbersReport } from '../services/matter/numbers'
import { raiseMatter, secondMatter } from '../services/matter/raise'
import { rateMatter } from '../services/matter/rate'
import { action, defineFunction } from './define-function'

/** 连心议站: villagers raise matters, the micro-grid and the village close the loop, everyone sees the board. */
export const matterFunction = defineFunction('matter', {
  raise: action({ input: matterInputs.raise, mutates: true, run: ({ db, openid, platform }, input) => raiseMatter(db, openid, platform, input) }),
  second: action({ input: matterInputs.second, mutates: true, run: ({ db, openid }, input) => secondMatter(db, openid, input) }),
  accept: action({ input: matterInputs.accept, mutates: true, run: ({ db, openid, platform }, input) => acceptMatter(db, openid, platform, input) }),
  merge: action({ input: matterInputs.merge, mutates: true, run: ({ db, openid, platform }, input) => mergeMatter(db, openid, platform, input) }),
  decline: action({ input: matterInputs.decline, mutates: true, run: ({ db, openid, platform }, input) => declineMatter(db, openid, platform, input) }),
  assign: action({ input: matterInputs.assign, mutates: true, run: ({ db, openid, platform }, input) => assignMatter(db, openid, platform, input) }),
  progress: action({ input: matterInputs.progress, mutates: true, run: ({ db, openid, platform }, input) => reportProgress(db, openid, platform, input) }),
  extend: action({ input: matterInputs.extend, mutates: true, run: ({ db, openid, platform }, input) => extendMatter(db, openid, platform, input) }),
  feedback: action({ input: matterInputs.feedback, mutates: true, run: ({ db, openid, platform }, input) => giveFeedback(db, openid, platform, input) }),
  rate: action({ input: matterInputs.rate, mutates: true, run: ({ db, openid, platform }, input) => rateMatter(db, openid, platform, input) }),
  mine: action({ input: matterInputs.mine, run: ({ db, openid }) => myMatters(db, openid) }),
  board: action({ input: matterInputs.board, run: ({ db, openid }, input) => matterBoard(db, openid, input) }),
  detail: action({ input: matterInputs.detail, run: ({ db, openid }, input) => readMatter(db, openid, input) }),
  workList: action({ input: matterInputs.workList, run: ({ db, openid }, input) => matterWorkList(db, openid, input) }),
  numbers: action({ input: matterInputs.numbers, run: ({ db, openid }, input) => matterNumbersReport(db, openid, input) }),
})
