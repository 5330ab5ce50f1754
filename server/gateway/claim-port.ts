import type { Server } from 'node:http'
import { liveHolder } from './data-dir-lock'
import { StartRefusal } from './start-refusal'

/**
 * Listens on 127.0.0.1:`port` before anything else happens, so a start that cannot serve stops
 * with one plain line having opened nothing. When the gateway that holds `dataDir` is the one on
 * the port, the line says so (read from its lock file; the database is not touched).
 */
export function claimPort(server: Server, port: number, dataDir?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => reject(refusal(error, port, dataDir))
    server.once('error', onError)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError)
      resolve()
    })
  })
}

function refusal(error: NodeJS.ErrnoException, port: number, dataDir?: string): Error {
  if (error.code === 'EADDRINUSE') {
    const holder = dataDir ? liveHolder(dataDir) : null
    if (holder?.purpose === 'gateway' && holder.port === port) {
      return new StartRefusal(
        `善治积分已经在 http://127.0.0.1:${port}/ 运行（进程 ${holder.pid}），直接打开这个地址即可；要停止它：在它的终端按 Ctrl+C，或运行 kill ${holder.pid}。`,
      )
    }
    return new StartRefusal(`端口 ${port} 已被别的程序占用：换一个端口启动（例如 PORT=${port + 1} npm start），或先停止占用它的程序。`)
  }
  if (error.code === 'EACCES') return new StartRefusal(`没有权限使用端口 ${port}：请换一个 1024 以上的端口（例如 PORT=8787 npm start）。`)
  return error
}
