import { completeLock, platformOf } from './complete-lockfile'

describe('completing package-lock.json with other platforms’ optional packages', () => {
  it('When a package name states a platform, then its os and cpu are read from it', () => {
    expect(platformOf('@tarojs/binding-darwin-arm64')).toEqual({ os: ['darwin'], cpu: ['arm64'] })
    expect(platformOf('@unrs/resolver-binding-linux-arm-gnueabihf')).toEqual({ os: ['linux'], cpu: ['arm'] })
    expect(platformOf('@esbuild/win32-ia32')).toEqual({ os: ['win32'], cpu: ['ia32'] })
    expect(platformOf('left-pad')).toBeNull()
  })

  it('When an optional platform package is missing, then it is added where Node would look; present ones are left alone', () => {
    const lock = {
      packages: {
        '': {},
        'node_modules/@swc/core': { version: '1.16.22', optionalDependencies: { '@swc/core-darwin-arm64': '1.16.22', '@swc/core-linux-x64-gnu': '1.16.22' } },
        'node_modules/@swc/core-linux-x64-gnu': { version: '1.16.22' },
        'node_modules/@swc/core-darwin-arm64': { version: '1.3.96' },
      },
    }
    expect(completeLock(lock)).toEqual(['node_modules/@swc/core/node_modules/@swc/core-darwin-arm64@1.16.22'])
    expect(lock.packages['node_modules/@swc/core/node_modules/@swc/core-darwin-arm64' as keyof typeof lock.packages]).toEqual({
      version: '1.16.22',
      optional: true,
      os: ['darwin'],
      cpu: ['arm64'],
    })
    expect(completeLock(lock)).toEqual([])
  })
})
