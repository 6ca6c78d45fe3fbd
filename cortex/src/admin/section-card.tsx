import { Card, CardContent, CardDescription, CardHeader, CardTitle, cn } from '@codexion/resources';
import type { ComponentProps, ReactNode } from 'react';

export interface SectionCardProps extends Omit<ComponentProps<'div'>, 'title'> {
  /** the section's `h2` */
  title: ReactNode;
  description?: ReactNode;
  /** classes of the card's body */
  contentClassName?: string;
}

/**
 * One section of an admin page: a card with an `h2` title, a line under it and its content.
 *
 * @example
 * <SectionCard title="Members" description="4 members"><MembersTable /></SectionCard>
 */
export function SectionCard({
  title,
  description,
  contentClassName,
  className,
  children,
  ...props
}: SectionCardProps) {
  return (
    <Card className={className} {...props}>
      <CardHeader>
        <CardTitle>
          <h2>{title}</h2>
        </CardTitle>
        {description !== undefined && <CardDescription>{description}</CardDescription>}
      </CardHeader>
      <CardContent className={cn(contentClassName)}>{children}</CardContent>
    </Card>
  );
}
