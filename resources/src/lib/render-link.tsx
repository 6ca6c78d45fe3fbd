import type { ReactNode } from 'react';

/** What a navigation primitive hands to `renderLink` for one link. */
export interface LinkRenderProps {
  href: string;
  className?: string;
  children: ReactNode;
  'aria-current'?: 'page';
  onClick?: () => void;
}

/**
 * Draws a link. The primitives know no router: pass one that renders your router's link.
 *
 * @example
 * const renderLink: RenderLink = ({ href, ...props }) => <Link to={href} {...props} />;
 */
export type RenderLink = (props: LinkRenderProps) => ReactNode;

/** A plain `<a>`, used when no `renderLink` is given. */
export const defaultRenderLink: RenderLink = ({ href, ...props }) => <a href={href} {...props} />;
