/**
 * Chart colours as the design system's roles (CSS variables), so charts follow light and dark:
 * pass them to recharts' `fill`/`stroke`.
 */
export const chartTokens = {
  primary: 'var(--primary)',
  success: 'var(--success)',
  danger: 'var(--danger)',
  grid: 'var(--border)',
  text: 'var(--muted-foreground)',
  cursor: 'var(--muted)',
} as const;

/**
 * A recharts `<Tooltip>`'s styles in the design system's popover look.
 *
 * @example
 * <Tooltip {...chartTooltipStyle} />
 */
export const chartTooltipStyle = {
  contentStyle: {
    background: 'var(--popover)',
    color: 'var(--popover-foreground)',
    border: '1px solid var(--border)',
    borderRadius: 'var(--radius-md)',
    fontSize: '0.8125rem',
  },
  labelStyle: { color: 'var(--popover-foreground)', fontWeight: 600 },
  itemStyle: { color: 'var(--popover-foreground)' },
  cursor: { fill: chartTokens.cursor },
};
