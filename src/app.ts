import { PropsWithChildren } from 'react'
import { initCloud } from './api/call-cloud'
import { watchPrivacyRequests } from './api/privacy'
import { sendWalksWhenOnline } from './api/walk-store'
import './styles/tokens.css'
import './app.css'
// Resolved per platform by Taro: platform-chrome/index.h5.ts in H5, platform-chrome/index.ts elsewhere.
import './platform-chrome'

if (process.env.TARO_ENV === 'weapp') {
  initCloud()
  // Before any privacy interface is called: WeChat asks through this when the user has not agreed yet.
  watchPrivacyRequests()
}
// Inspection walks finished without signal go up once the network is back.
sendWalksWhenOnline()

function App({ children }: PropsWithChildren) {
  return children
}

export default App
