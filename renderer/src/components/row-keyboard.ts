// Keyboard use of a virtualised table: arrows, Page Up/Down, Home/End move between rows, Enter or Space opens
// one. A row scrolled out of the DOM is focused once the virtualiser has rendered it.
import type { Virtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, type KeyboardEvent, type RefObject } from 'react';

export function useRowKeyboard(options: {
  scrollRef: RefObject<HTMLDivElement | null>;
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  rowCount: number;
  rowHeight: number;
  onOpen: (id: number) => void;
}) {
  const { scrollRef, virtualizer, rowCount, rowHeight, onOpen } = options;
  const pendingFocus = useRef<number | null>(null);
  const focusRendered = (index: number) => {
    const row = scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${index}"]`);
    if (row) {
      row.focus();
      pendingFocus.current = null;
    }
  };
  useLayoutEffect(() => {
    if (pendingFocus.current !== null) focusRendered(pendingFocus.current);
  });
  const moveFocus = (to: number) => {
    const index = Math.max(0, Math.min(rowCount - 1, to));
    pendingFocus.current = index;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    focusRendered(index);
  };
  return (event: KeyboardEvent<HTMLTableRowElement>, index: number, id: number) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1);
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, PageDown: index + page, PageUp: index - page, Home: 0, End: rowCount - 1 };
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(id);
    } else if (event.key in moves) {
      event.preventDefault();
      moveFocus(moves[event.key]!);
    }
  };
}
