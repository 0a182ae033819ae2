// A page's h1 that takes the focus when the page opens, so keyboard and screen-reader users start at the new
// page's heading instead of the navigation item they used.
import { Title, type TitleProps } from '@mantine/core';
import { useEffect, useRef } from 'react';

export function PageTitle({ children, ...rest }: Omit<TitleProps, 'order'>) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <Title order={1} ref={ref} tabIndex={-1} style={{ outline: 'none' }} {...rest}>
      {children}
    </Title>
  );
}
