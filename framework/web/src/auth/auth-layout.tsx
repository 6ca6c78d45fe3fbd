import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@codexion/resources';
import type { ReactNode } from 'react';
import { useAuthBrand } from './auth-brand.js';

export interface AuthLayoutProps {
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
}

/**
 * The frame of the pages before the shell (sign-in, an invitation, no tenant yet): the brand
 * ({@link AuthBrandProvider}) and one card, centered.
 *
 * @example
 * <AuthLayout title="Sign in"><LoginForm /></AuthLayout>
 */
export function AuthLayout({ title, description, children }: AuthLayoutProps) {
  const { name, icon: Icon } = useAuthBrand();
  return (
    <main className="flex min-h-svh flex-col items-center justify-center gap-6 bg-muted/40 p-4">
      <p className="flex items-center gap-2 font-semibold text-lg">
        {Icon && <Icon aria-hidden="true" className="size-6 text-primary" />}
        {name}
      </p>
      <Card className="w-full max-w-sm">
        <CardHeader>
          <CardTitle>
            <h1 className="text-xl">{title}</h1>
          </CardTitle>
          {description && <CardDescription>{description}</CardDescription>}
        </CardHeader>
        <CardContent className="grid gap-4">{children}</CardContent>
      </Card>
    </main>
  );
}
