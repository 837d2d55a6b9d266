import { useEffect, type ReactNode } from 'react';

const siteName = 'Mötesplatsen';

/** Every page names itself in the browser tab (WCAG 2.4.2). */
export function usePageTitle(title: string | null | undefined) {
  useEffect(() => {
    document.title = title ? `${title} – ${siteName}` : siteName;
  }, [title]);
}

/**
 * The page's h1. The shell moves focus here after each navigation so that screen-reader users hear
 * where they are; tabIndex -1 makes it focusable by script only.
 */
export function PageHeading({ children, title }: { children: ReactNode; title?: string }) {
  usePageTitle(title ?? (typeof children === 'string' ? children : null));
  return (
    <h1 tabIndex={-1} className="page-heading">
      {children}
    </h1>
  );
}
