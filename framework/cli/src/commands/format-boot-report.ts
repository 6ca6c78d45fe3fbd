import type { BootReport } from '@codexion/framework/kernel';

/**
 * A boot report as the terminal shows it: plugins in order, migrations, upgrades, routes.
 *
 * @example
 * formatBootReport(report) // ['plan (dry run, nothing changed) — trace 4bf9…', 'plugins:', '  1. sales 0.1.0', ...]
 */
export function formatBootReport(report: BootReport): string[] {
  const dry = report.mode === 'dry-run';
  const lines = [
    `${dry ? 'plan (dry run, nothing changed)' : report.mode === 'migrate-only' ? 'migrated' : 'booted'} — trace ${report.traceId}, ${report.durationMs} ms`,
    `database: ${report.database}`,
    'plugins (boot order):',
  ];
  report.plugins.forEach((p, i) => {
    const deps = Object.entries(p.dependencies).map(([n, r]) => `${n} ${r}`);
    lines.push(`  ${i + 1}. ${p.name} ${p.version}${deps.length > 0 ? ` (needs ${deps.join(', ')})` : ''}`);
  });
  lines.push(dry ? 'pending migrations:' : 'applied migrations:');
  if (report.migrations.length === 0) lines.push('  (no plugin has migrations)');
  for (const m of report.migrations)
    lines.push(`  ${m.name}: ${m.tags.length === 0 ? 'none' : m.tags.join(', ')}`);
  for (const u of report.upgrades) lines.push(`upgrade: ${u.plugin} ${u.from ?? '(first boot)'} -> ${u.to}`);
  for (const s of report.seeded) lines.push(`seeded: ${s.plugin} for tenant ${s.tenantId}`);
  if (report.routes.length > 0) {
    lines.push('routes:');
    const width = Math.max(...report.routes.map((r) => r.method.length));
    for (const r of report.routes) {
      lines.push(`  ${r.method.padEnd(width)} ${r.path}${r.operationId ? `  ${r.operationId}` : ''}`);
    }
  }
  return lines;
}
