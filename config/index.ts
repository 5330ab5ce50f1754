import { defineConfig, type UserConfigExport } from '@tarojs/cli'

// The weapp build goes to dist/ (project.config.json's miniprogramRoot); the H5 build that the
// local gateway serves goes to dist-h5/ so the two never mix inside the mini-program root
// (scripts/build-h5.ts builds into a fresh folder, H5_OUTPUT_ROOT, and swaps dist-h5 to it).
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'shanzhi-points',
    date: '2026-11-24',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: process.env.TARO_ENV === 'h5' ? (process.env.H5_OUTPUT_ROOT ?? 'dist-h5') : 'dist',
    plugins: [],
    defineConstants: {},
    // process.env.TARO_APP_* reach the bundle only when defined here or in a .env file; an undefined
    // one would stay a bare `process.env` read, which throws in the mini-program (no `process`).
    env: {
      TARO_APP_CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
      // The subscribe-message template of rectification notices (开通知 / 核验结果); empty: never asked.
      TARO_APP_SUBSCRIBE_TEMPLATE_NOTICE: JSON.stringify(process.env.TARO_APP_SUBSCRIBE_TEMPLATE_NOTICE ?? ''),
      // The link door plates' QRs carry (扫普通链接二维码打开小程序 → pages/plate/index); empty: the signed plate alone.
      TARO_APP_PLATE_LINK: JSON.stringify(process.env.TARO_APP_PLATE_LINK ?? ''),
    },
    copy: { patterns: [], options: {} },
    // In the mini-program, Chinese text as UTF-8 (3 bytes a character), not \uXXXX escapes (6): WeChat
    // reads code files as UTF-8, and the package size it limits counts these bytes.
    ...(process.env.TARO_ENV === 'weapp' ? { terser: { enable: true, config: { output: { ascii_only: false } } } } : {}),
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  }
  // In watch mode (NODE_ENV=development) webpack's stats are printed; a build stays quiet.
  return merge({}, baseConfig, process.env.NODE_ENV === 'development' ? { logger: { quiet: false, stats: true } } : {})
})
