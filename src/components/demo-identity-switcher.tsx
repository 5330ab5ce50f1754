import type { DemoIdentitySwitcher as H5Switcher } from './demo-identity-switcher.h5'

// The mini-program never has demo identities, so it carries no switcher: Taro picks
// demo-identity-switcher.h5.tsx in H5.
export const DemoIdentitySwitcher: typeof H5Switcher = () => null
