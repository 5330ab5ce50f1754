// Jest's projects: the pure core, the server (services, handlers, gateway, scripts), the browser
// journeys, the reliability suite and the weapp build under its stand-in runtime. Run through
// `npm run jest` (PGlite needs --experimental-vm-modules).
const path = require('node:path')

const rootDir = path.resolve(__dirname, '..')
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' } },
  ],
}
const project = (displayName, roots, testMatch, extra = {}) => ({
  displayName,
  rootDir,
  roots: roots.map((root) => `<rootDir>/${root}`),
  testMatch,
  transform,
  testEnvironment: 'node',
  ...extra,
})

module.exports = {
  rootDir,
  testTimeout: 30000,
  projects: [
    project('core', ['src'], ['**/*.test.ts', '**/*.test.tsx']),
    project('server', ['server', 'scripts'], ['**/*.test.ts']),
    project('e2e', ['tests/e2e'], ['**/*.e2e.ts'], { globalSetup: '<rootDir>/tests/e2e/support/global-setup.ts' }),
    project('reliability', ['tests/reliability'], ['**/*.reliability.ts']),
    project('weapp', ['tests/weapp'], ['**/*.weapp.ts'], {
      moduleNameMapper: { '^wx-server-sdk$': '<rootDir>/tests/weapp/support/wx-server-sdk-stand-in.ts' },
    }),
  ],
}
