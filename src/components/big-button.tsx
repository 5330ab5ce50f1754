import { Button } from '@tarojs/components'
import type { ReactNode } from 'react'
import './big-button.css'

type Props = {
  children: ReactNode
  onClick: () => void
  kind?: 'primary' | 'plain' | 'current'
}

/** A full-width button with large text, easy to hit on a small phone. */
export function BigButton({ children, onClick, kind = 'primary' }: Props) {
  return (
    <Button className={`big-button big-button--${kind}`} hoverClass="big-button--pressed" onClick={onClick}>
      {children}
    </Button>
  )
}
