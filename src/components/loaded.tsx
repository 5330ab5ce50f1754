import type { ReactNode } from 'react'
import type { ApiError } from '../core/contracts/envelope'
import type { Loaded as LoadState } from '../hooks/use-envelope'
import { ErrorView } from './error-view'
import { LoadingView } from './loading-view'

type Props<T> = {
  /** The call's state, as useEnvelope keeps it. */
  state: LoadState<T>
  /** Calls again when 重试 is pressed. */
  onRetry: () => void
  /**
   * What a failure shows when the page says more than the message: it gets the error and the
   * standard view (the message and 重试) to return for every other error.
   */
  errorView?: (error: ApiError, standard: ReactNode) => ReactNode
  /** What the page shows once the answer is there. */
  children: (data: T) => ReactNode
}

/** A page's part that waits for one backend call: 正在加载 while it runs, the message and 重试 when it fails, else the answer. */
export function Loaded<T>({ state, onRetry, errorView, children }: Props<T>) {
  if (state.status === 'loading') return <LoadingView />
  if (state.status === 'error') {
    const standard = <ErrorView error={state.error} onRetry={onRetry} />
    return <>{errorView ? errorView(state.error, standard) : standard}</>
  }
  return <>{children(state.data)}</>
}
