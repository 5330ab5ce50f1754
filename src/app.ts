import { PropsWithChildren } from 'react'
import { initCloud } from './api/call-cloud'
import './app.css'
// Resolved per platform by Taro: platform-chrome/index.h5.ts in H5, platform-chrome/index.ts elsewhere.
import './platform-chrome'

if (process.env.TARO_ENV === 'weapp') initCloud()

function App({ children }: PropsWithChildren) {
  return children
}

export default App
