import {
  applyThemeOverrides,
  Badge,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  cn,
  Input,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@codexion/resources';
import { useTranslation } from '@codexion/web';
import { type ComponentProps, type CSSProperties, useLayoutEffect, useRef } from 'react';
import { type ModeOverrides, type ThemeMode, themeLayer } from './theme-tokens.js';

export interface ThemePreviewProps extends ComponentProps<'section'> {
  mode: ThemeMode;
  /** the mode's overrides as edited, not yet saved; refused values are left out */
  overrides: ModeOverrides;
}

/**
 * A sample of the console (a card, buttons, badges, a table row, a field) in one colour mode
 * with the edited overrides applied to this panel only: the CSS variables go on the panel's own
 * element, and its `data-theme` makes the semantic roles pick them up below it, so the rest of
 * the page keeps the saved theme.
 *
 * @example
 * <ThemePreview mode="dark" overrides={{ primary: '#0a7' }} />
 */
export function ThemePreview({ mode, overrides, className, ...props }: ThemePreviewProps) {
  const { t } = useTranslation('admin');
  const panel = useRef<HTMLDivElement>(null);
  const { tokens } = themeLayer(mode, overrides);
  const key = JSON.stringify(tokens);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the content of `tokens`
  useLayoutEffect(() => {
    const element = panel.current;
    if (!element) return;
    const applied = applyThemeOverrides([{ source: 'tenant', tokens }], element);
    return applied.reset;
  }, [key]);

  return (
    <section
      aria-label={t('settings.preview.label', { mode: t(`settings.modes.${mode}`) })}
      className={className}
      {...props}
    >
      <div
        ref={panel}
        data-slot="theme-preview"
        data-theme={mode}
        // the base layer's borders read `--color-border`, resolved once at the root: re-resolve it here
        style={{ '--color-border': 'var(--border)' } as CSSProperties}
        className={cn(mode, 'grid gap-4 rounded-lg border bg-background p-4 text-foreground')}
      >
        <Card className="gap-4 py-4">
          <CardHeader className="px-4">
            <CardTitle>{t('settings.preview.cardTitle')}</CardTitle>
            <CardDescription>{t('settings.preview.cardDescription')}</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-3 px-4">
            <div className="flex flex-wrap gap-2">
              <Button size="sm">{t('settings.preview.primary')}</Button>
              <Button size="sm" variant="secondary">
                {t('settings.preview.secondary')}
              </Button>
              <Button size="sm" variant="outline">
                {t('settings.preview.outline')}
              </Button>
              <Button size="sm" variant="danger">
                {t('settings.preview.danger')}
              </Button>
            </div>
            <div className="flex flex-wrap gap-2">
              <Badge>{t('settings.preview.badge')}</Badge>
              <Badge variant="success">{t('settings.preview.success')}</Badge>
              <Badge variant="warning">{t('settings.preview.warning')}</Badge>
              <Badge variant="info">{t('settings.preview.info')}</Badge>
            </div>
            <Input aria-label={t('settings.preview.input')} placeholder={t('settings.preview.input')} />
          </CardContent>
        </Card>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>{t('settings.preview.columnName')}</TableHead>
              <TableHead>{t('settings.preview.columnStatus')}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            <TableRow>
              <TableCell>Acme GmbH</TableCell>
              <TableCell>
                <Badge variant="success">{t('settings.preview.success')}</Badge>
              </TableCell>
            </TableRow>
            <TableRow data-state="selected">
              <TableCell>Globex Ltd</TableCell>
              <TableCell className="text-muted-foreground">{t('settings.preview.muted')}</TableCell>
            </TableRow>
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
