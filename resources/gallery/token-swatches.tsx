import { tokens } from '@codexion/resources/tokens';

const steps = ['50', '100', '200', '300', '400', '500', '600', '700', '800', '900', '950'] as const;
const scales = Object.keys(tokens.color) as (keyof typeof tokens.color)[];

/* Tailwind finds classes by reading source: every class is spelled out, never assembled */
const roles = [
  { name: 'background', className: 'bg-background text-foreground border' },
  { name: 'card', className: 'bg-card text-card-foreground border' },
  { name: 'popover', className: 'bg-popover text-popover-foreground border' },
  { name: 'primary', className: 'bg-primary text-primary-foreground' },
  { name: 'secondary', className: 'bg-secondary text-secondary-foreground' },
  { name: 'muted', className: 'bg-muted text-muted-foreground' },
  { name: 'accent', className: 'bg-accent text-accent-foreground' },
  { name: 'danger', className: 'bg-danger text-danger-foreground' },
  { name: 'success', className: 'bg-success text-success-foreground' },
  { name: 'warning', className: 'bg-warning text-warning-foreground' },
  { name: 'info', className: 'bg-info text-info-foreground' },
  { name: 'sidebar', className: 'bg-sidebar text-sidebar-foreground border' },
  { name: 'sidebar-primary', className: 'bg-sidebar-primary text-sidebar-primary-foreground' },
  { name: 'sidebar-accent', className: 'bg-sidebar-accent text-sidebar-accent-foreground' },
];

const lines = [
  { name: 'border', className: 'border-border' },
  { name: 'input', className: 'border-input' },
  { name: 'ring', className: 'border-ring' },
];

const sizes = [
  { name: 'xs', className: 'text-xs' },
  { name: 'sm', className: 'text-sm' },
  { name: 'base', className: 'text-base' },
  { name: 'lg', className: 'text-lg' },
  { name: 'xl', className: 'text-xl' },
  { name: '2xl', className: 'text-2xl' },
];

const radii = [
  { name: 'sm', className: 'rounded-sm' },
  { name: 'md', className: 'rounded-md' },
  { name: 'lg', className: 'rounded-lg' },
  { name: 'xl', className: 'rounded-xl' },
  { name: 'full', className: 'rounded-full' },
];

const shadows = [
  { name: 'xs', className: 'shadow-xs' },
  { name: 'sm', className: 'shadow-sm' },
  { name: 'md', className: 'shadow-md' },
  { name: 'lg', className: 'shadow-lg' },
  { name: 'xl', className: 'shadow-xl' },
];

export function TokenSwatches() {
  return (
    <div className="grid gap-8">
      <div className="grid gap-2">
        {scales.map((scale) => (
          <div key={scale} className="grid grid-cols-[5rem_1fr] items-center gap-3">
            <span className="font-medium text-sm">{scale}</span>
            <div className="grid grid-cols-11 gap-1">
              {steps.map((step) => (
                <div key={step} className="flex flex-col items-center gap-1">
                  <div
                    className="h-8 w-full rounded-md border border-foreground/10"
                    style={{ backgroundColor: `var(--color-${scale}-${step})` }}
                    title={`color.${scale}.${step}: ${tokens.color[scale][step]}`}
                  />
                  <span className="text-[0.7rem] text-muted-foreground tabular-nums">{step}</span>
                </div>
              ))}
            </div>
          </div>
        ))}
      </div>

      <div>
        <h3 className="mb-3 font-medium text-muted-foreground text-xs uppercase tracking-wide">
          Semantic roles
        </h3>
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-7">
          {roles.map((role) => (
            <div
              key={role.name}
              className={`flex h-16 flex-col justify-between rounded-lg p-2.5 ${role.className}`}
            >
              <span className="font-semibold text-lg leading-none">Aa</span>
              <span className="truncate text-xs">{role.name}</span>
            </div>
          ))}
        </div>
        <div className="mt-2 flex flex-wrap gap-2">
          {lines.map((line) => (
            <div
              key={line.name}
              className={`flex h-10 items-center rounded-lg border-2 px-3 text-xs ${line.className}`}
            >
              {line.name}
            </div>
          ))}
        </div>
      </div>

      <div className="grid gap-8 lg:grid-cols-3">
        <div>
          <h3 className="mb-3 font-medium text-muted-foreground text-xs uppercase tracking-wide">
            Type scale
          </h3>
          <div className="grid gap-1">
            {sizes.map((size) => (
              <p key={size.name} className={`${size.className} truncate`}>
                <span className="inline-block w-12 font-mono text-muted-foreground text-xs">{size.name}</span>
                Pipeline review
              </p>
            ))}
            <p className="font-mono text-sm">
              <span className="inline-block w-12 text-muted-foreground text-xs">mono</span>D-1042 · € 48,000
            </p>
          </div>
        </div>
        <div>
          <h3 className="mb-3 font-medium text-muted-foreground text-xs uppercase tracking-wide">Radii</h3>
          <div className="flex flex-wrap gap-3">
            {radii.map((radius) => (
              <div key={radius.name} className="flex flex-col items-center gap-1">
                <div className={`size-12 border-2 border-primary bg-primary/10 ${radius.className}`} />
                <span className="text-muted-foreground text-xs">{radius.name}</span>
              </div>
            ))}
          </div>
        </div>
        <div>
          <h3 className="mb-3 font-medium text-muted-foreground text-xs uppercase tracking-wide">Shadows</h3>
          <div className="flex flex-wrap gap-3">
            {shadows.map((shadow) => (
              <div key={shadow.name} className="flex flex-col items-center gap-1">
                <div className={`size-12 rounded-lg border bg-card ${shadow.className}`} />
                <span className="text-muted-foreground text-xs">{shadow.name}</span>
              </div>
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}
