import type { DemoIdentities, useDemoIdentities as useH5DemoIdentities } from './use-demo-identities.h5'

export type { DemoIdentities }

const NONE: DemoIdentities = { identities: [], currentOpenId: null, awaitingChoice: false }

// The mini-program never has demo identities: Taro picks use-demo-identities.h5.ts in H5.
export const useDemoIdentities: typeof useH5DemoIdentities = () => NONE
