import { Button } from '@tarojs/components'
import type { ReactNode } from 'react'
import './big-button.css'

type Props = {
  children: ReactNode
  onClick: () => void
  /** danger: an action that takes something away (撤销, 删除); it asks with a 取消 before it acts. */
  kind?: 'primary' | 'plain' | 'current' | 'danger'
}

/**
 * A full-width button with large text, easy to hit on a small phone. The one button rule: a page's
 * main action is the first (filled) button under what it acts on; other choices are plain below it;
 * a destructive action is `danger` (red), never styled like an edit, and confirms with 取消.
 */
export function BigButton({ children, onClick, kind = 'primary' }: Props) {
  return (
    <Button className={`big-button big-button--${kind}`} hoverClass="big-button--pressed" onClick={onClick}>
      {children}
    </Button>
  )
}
