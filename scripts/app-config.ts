import path from 'node:path'

export interface AppConfig {
  pages: string[]
  subPackages: { root: string; name?: string; pages: string[] }[]
  preloadRule?: Record<string, { packages: string[]; network?: string }>
  tabBar?: { list: { pagePath: string }[] }
}

/** src/app.config.ts as Taro reads it (its `defineAppConfig` is a build-time global), outside a Taro build. */
export function loadAppConfig(): AppConfig {
  const global = globalThis as { defineAppConfig?: (config: unknown) => unknown }
  global.defineAppConfig ??= (config) => config
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.resolve(__dirname, '../src/app.config')).default as AppConfig
}

/** Every page of the app, subpackages included, as its path. */
export function everyPage(config: AppConfig = loadAppConfig()): string[] {
  return [...config.pages, ...config.subPackages.flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`))]
}
