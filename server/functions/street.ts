import { streetInputs } from '../../src/core/contracts/street'
import { exportStreetOverview } from '../services/street/export'
import { streetOverview } from '../services/street/overview'
import { action, defineFunction } from './define-function'

/** 街道总览: the street's villages and communities side by side (read-only), and the same as .xlsx. */
export const streetFunction = defineFunction('street', {
  overview: action({ input: streetInputs.overview, run: ({ db, openid }, input) => streetOverview(db, openid, input) }),
  exportOverview: action({ input: streetInputs.exportOverview, run: ({ db, openid }, input) => exportStreetOverview(db, openid, input) }),
})
