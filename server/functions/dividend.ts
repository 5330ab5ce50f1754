import { dividendInputs } from '../../src/core/contracts/dividend'
import { previewDividend, publishRun, saveDraft } from '../services/dividend/runs'
import { exportRun } from '../services/dividend/export'
import { listRuns, myDividends, runDetail } from '../services/dividend/views'
import { action, defineFunction } from './define-function'

/** The annual dividend (股份分红 + 善治积分): preview, draft, publish (公示), lists, export. */
export const dividendFunction = defineFunction('dividend', {
  preview: action({ input: dividendInputs.preview, run: ({ db, openid }, input) => previewDividend(db, openid, input) }),
  saveDraft: action({ input: dividendInputs.saveDraft, mutates: true, run: ({ db, openid }, input) => saveDraft(db, openid, input) }),
  publish: action({ input: dividendInputs.publish, mutates: true, run: ({ db, openid }, input) => publishRun(db, openid, input) }),
  runs: action({ input: dividendInputs.runs, run: ({ db, openid }, input) => listRuns(db, openid, input) }),
  run: action({ input: dividendInputs.run, run: ({ db, openid }, input) => runDetail(db, openid, input) }),
  mine: action({ input: dividendInputs.mine, run: ({ db, openid }) => myDividends(db, openid) }),
  exportRun: action({ input: dividendInputs.exportRun, run: ({ db, openid }, input) => exportRun(db, openid, input) }),
})
