import {
  Button,
  cn,
  controlClassName,
  FormField,
  Input,
  Tabs,
  TabsContent,
  TabsList,
  TabsTrigger,
} from '@codexion/resources';
import { type SemanticRole, tokens } from '@codexion/resources/tokens';
import { useTranslation } from '@codexion/web';
import { RotateCcw } from 'lucide-react';
import { type Dispatch, memo, type SetStateAction, useCallback, useState } from 'react';
import type { TenantSettings } from '../shell/session-context.js';
import { ThemePreview } from './theme-preview.js';
import {
  defaultRoleColor,
  type ModeOverrides,
  type ThemeMode,
  themeLayer,
  themeRoleGroups,
  toHexColor,
} from './theme-tokens.js';

export interface ThemeEditorProps {
  value: TenantSettings['theme'];
  /** a state setter: rows change one token each, from the latest theme */
  onChange: Dispatch<SetStateAction<TenantSettings['theme']>>;
  /** the server's messages by field path: `theme.light.primary` */
  errors: Partial<Record<string, string>>;
  readOnly?: boolean;
}

const modes: ThemeMode[] = ['light', 'dark'];

interface TokenRowProps {
  mode: ThemeMode;
  /** a semantic colour role, or `radius` */
  token: SemanticRole | 'radius';
  value: string;
  error: string | undefined;
  readOnly: boolean;
  onChange: (mode: ThemeMode, token: string, value: string) => void;
}

// one row re-renders when its own value or message changes, not the other seventy
const TokenRow = memo(function TokenRow({
  mode,
  token: role,
  value,
  error,
  readOnly,
  onChange,
}: TokenRowProps) {
  const { t } = useTranslation('admin');
  const isColor = role !== 'radius';
  const fallback = isColor ? defaultRoleColor(mode, role) : tokens.radius.base;
  return (
    <div className="grid grid-cols-[1fr_auto] items-end gap-2">
      <FormField label={<span className="font-mono text-xs">{role}</span>} error={error}>
        {(control) => (
          <div className="flex items-center gap-2">
            {isColor && (
              <input
                type="color"
                aria-label={t('settings.theme.pick', { token: role })}
                disabled={readOnly}
                value={toHexColor(value || fallback) ?? '#000000'}
                onChange={(event) => onChange(mode, role, event.target.value)}
                className={cn(controlClassName, 'h-9 w-11 shrink-0 cursor-pointer p-1')}
              />
            )}
            <Input
              {...control}
              className="font-mono text-xs"
              value={value}
              placeholder={fallback}
              readOnly={readOnly}
              spellCheck={false}
              onChange={(event) => onChange(mode, role, event.target.value)}
            />
          </div>
        )}
      </FormField>
      <Button
        variant="ghost"
        size="icon"
        aria-label={t('settings.theme.resetToken', { token: role })}
        className={cn(value === '' && 'invisible')}
        disabled={readOnly || value === ''}
        onClick={() => onChange(mode, role, '')}
      >
        <RotateCcw aria-hidden="true" />
      </Button>
    </div>
  );
});

/**
 * Token overrides for the light and the dark colour mode, one colour input (and its CSS value) per
 * semantic role of the design system, checked as the user types, with a live preview of the mode
 * being edited beside them.
 *
 * @example
 * <ThemeEditor value={theme} onChange={setTheme} errors={serverErrors} />
 */
export function ThemeEditor({ value, onChange, errors, readOnly = false }: ThemeEditorProps) {
  const { t } = useTranslation('admin');
  const [mode, setMode] = useState<ThemeMode>('light');
  const overridesOf = (which: ThemeMode): ModeOverrides => value[which] ?? {};
  const setToken = useCallback(
    (which: ThemeMode, role: string, next: string) =>
      onChange((theme) => {
        const overrides = { ...(theme[which] ?? {}) };
        if (next === '') delete overrides[role];
        else overrides[role] = next;
        return { ...theme, [which]: overrides };
      }),
    [onChange],
  );

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(18rem,24rem)]">
      <Tabs value={mode} onValueChange={(next) => setMode(next === 'dark' ? 'dark' : 'light')}>
        <TabsList>
          {modes.map((which) => (
            <TabsTrigger key={which} value={which}>
              {t(`settings.modes.${which}`)}
            </TabsTrigger>
          ))}
        </TabsList>
        {modes.map((which) => {
          const overrides = overridesOf(which);
          const { invalid } = themeLayer(which, overrides);
          const modeError = errors[`theme.${which}`] ?? errors.theme;
          return (
            <TabsContent key={which} value={which} className="grid gap-6 pt-2">
              {modeError && (
                <p role="alert" className="font-medium text-danger text-sm">
                  {modeError}
                </p>
              )}
              {themeRoleGroups.map((group) => (
                <fieldset key={group.id} className="grid gap-3">
                  <legend className="mb-2 font-medium text-sm">
                    {t(`settings.theme.groups.${group.id}`)}
                  </legend>
                  <div className="grid gap-3 sm:grid-cols-2">
                    {group.roles.map((role) => (
                      <TokenRow
                        key={role}
                        mode={which}
                        token={role}
                        value={overrides[role] ?? ''}
                        error={invalid[role] ?? errors[`theme.${which}.${role}`]}
                        readOnly={readOnly}
                        onChange={setToken}
                      />
                    ))}
                  </div>
                </fieldset>
              ))}
              <fieldset className="grid gap-3">
                <legend className="mb-2 font-medium text-sm">{t('settings.theme.groups.shape')}</legend>
                <div className="grid gap-3 sm:grid-cols-2">
                  <TokenRow
                    mode={which}
                    token="radius"
                    value={overrides.radius ?? ''}
                    error={invalid.radius ?? errors[`theme.${which}.radius`]}
                    readOnly={readOnly}
                    onChange={setToken}
                  />
                </div>
              </fieldset>
            </TabsContent>
          );
        })}
      </Tabs>
      <div className="lg:sticky lg:top-4 lg:self-start">
        <h3 className="mb-2 font-medium text-sm">
          {t('settings.preview.title', { mode: t(`settings.modes.${mode}`) })}
        </h3>
        <ThemePreview mode={mode} overrides={overridesOf(mode)} />
        <p className="mt-2 text-muted-foreground text-xs">{t('settings.preview.hint')}</p>
      </div>
    </div>
  );
}
