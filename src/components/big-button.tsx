import { Button } from '@tarojs/components'
import type { ReactNode } from 'react'
import './big-button.css'

type Props = {
  children: ReactNode
  onClick: () => void
  /**
   * danger: the red button that does something that takes away (撤销, 删除), shown with a 取消 (DangerConfirm);
   * danger-plain: the red-outlined button that opens that question, beside plain edits.
   */
  kind?: 'primary' | 'plain' | 'current' | 'danger' | 'danger-plain'
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
