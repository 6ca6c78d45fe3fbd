import { Button, type ButtonProps, cn, Tooltip, TooltipContent, TooltipTrigger } from '@codexion/resources';
import { isValidElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from './permissions-provider.js';

export interface PermissionButtonProps extends ButtonProps {
  /** `app:resource:action` the click needs */
  permission: string;
  /** leave the button out instead of disabling it */
  hideWhenDenied?: boolean;
}

/**
 * A button for an action the session may not be allowed to take: disabled with a tooltip saying
 * why (or hidden) when the session lacks `permission`.
 *
 * @example
 * <PermissionButton permission="sales:account:delete" onClick={remove}>Delete</PermissionButton>
 */
export function PermissionButton({
  permission,
  hideWhenDenied = false,
  disabled,
  asChild,
  children,
  className,
  ...props
}: PermissionButtonProps) {
  const { can } = usePermissions();
  const { t } = useTranslation('codexion');
  if (can(permission))
    return (
      <Button disabled={disabled} asChild={asChild} className={className} {...props}>
        {children}
      </Button>
    );
  // a link cannot be disabled: show its content in a disabled button instead
  const content: ReactNode =
    asChild && isValidElement<{ children?: ReactNode }>(children) ? children.props.children : children;
  if (hideWhenDenied) return null;
  // aria-disabled, not disabled: the button stays focusable so keyboard users hear why
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <Button
          aria-disabled="true"
          data-permission-denied=""
          className={cn('cursor-not-allowed opacity-50', className)}
          {...props}
          onClick={(event) => event.preventDefault()}
        >
          {content}
        </Button>
      </TooltipTrigger>
      <TooltipContent>{t('permissions.denied', { permission })}</TooltipContent>
    </Tooltip>
  );
}
