import { scoreInputs } from '../../src/core/contracts/score'
import { decideAppeal, fileAppeal } from '../services/score/appeals'
import { householdLedger } from '../services/score/household-ledger'
import { beautyChart, villageRanking } from '../services/score/ranking'
import { publishedRules, publishRuleSet } from '../services/score/rules'
import { claimRule, decideScoreRecord, reverseEntry } from '../services/score/corrections'
import { myInspections, myRequests, pendingWork } from '../services/score/lists'
import { submitScore } from '../services/score/submit'
import { confirmPointsImport, draftPointsImport, listPointsImports, pointsImportTemplate, previewPointsImport, withdrawPointsImport } from '../services/score/points-import'
import { action, defineFunction } from './define-function'

export const scoreFunction = defineFunction('score', {
  submit: action({
    input: scoreInputs.submit,
    mutates: true,
    run: ({ db, openid, platform }, input) => submitScore(db, openid, platform, input),
  }),
  decide: action({
    input: scoreInputs.decide,
    mutates: true,
    run: ({ db, openid, platform }, input) => decideScoreRecord(db, openid, platform.sendSubscribeMessage, input),
  }),
  reverse: action({ input: scoreInputs.reverse, mutates: true, run: ({ db, openid }, input) => reverseEntry(db, openid, input) }),
  claim: action({
    input: scoreInputs.claim,
    mutates: true,
    run: ({ db, openid, platform }, input) => claimRule(db, openid, input, platform),
  }),
  appeal: action({
    input: scoreInputs.appeal,
    mutates: true,
    run: ({ db, openid, platform }, input) => fileAppeal(db, openid, input, platform.contentCheck),
  }),
  decideAppeal: action({ input: scoreInputs.decideAppeal, mutates: true, run: ({ db, openid }, input) => decideAppeal(db, openid, input) }),
  publishRules: action({ input: scoreInputs.publishRules, mutates: true, run: ({ db, openid }, input) => publishRuleSet(db, openid, input) }),
  ledger: action({ input: scoreInputs.ledger, run: ({ db, openid }, input) => householdLedger(db, openid, input) }),
  ranking: action({ input: scoreInputs.ranking, run: ({ db, openid }, input) => villageRanking(db, openid, input) }),
  rules: action({ input: scoreInputs.rules, run: ({ db, openid }, input) => publishedRules(db, openid, input) }),
  myInspections: action({ input: scoreInputs.myInspections, run: ({ db, openid }, input) => myInspections(db, openid, input) }),
  myRequests: action({ input: scoreInputs.myRequests, run: ({ db, openid }) => myRequests(db, openid) }),
  pending: action({ input: scoreInputs.pending, run: ({ db, openid }, input) => pendingWork(db, openid, input) }),
  beautyChart: action({ input: scoreInputs.beautyChart, run: ({ db, openid }, input) => beautyChart(db, openid, input) }),
  pointsImportTemplate: action({ input: scoreInputs.pointsImportTemplate, run: ({ db, openid }, input) => pointsImportTemplate(db, openid, input) }),
  pointsImportPreview: action({ input: scoreInputs.pointsImportPreview, run: ({ db, openid }, input) => previewPointsImport(db, openid, input) }),
  pointsImportDraft: action({ input: scoreInputs.pointsImportDraft, mutates: true, run: ({ db, openid }, input) => draftPointsImport(db, openid, input) }),
  pointsImports: action({ input: scoreInputs.pointsImports, run: ({ db, openid }, input) => listPointsImports(db, openid, input) }),
  pointsImportConfirm: action({ input: scoreInputs.pointsImportConfirm, mutates: true, run: ({ db, openid }, input) => confirmPointsImport(db, openid, input) }),
  pointsImportWithdraw: action({ input: scoreInputs.pointsImportWithdraw, mutates: true, run: ({ db, openid }, input) => withdrawPointsImport(db, openid, input) }),
})
