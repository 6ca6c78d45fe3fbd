import { describe, expect, it } from 'vitest';
import { createMetrics } from './metrics.js';

describe('createMetrics', () => {
  it('keeps each kernel in its own registry', async () => {
    const first = createMetrics({ defaultMetrics: false });
    const second = createMetrics({ defaultMetrics: false, defaultLabels: { service: 'crm' } });
    first.dbQueryDuration.observe({ operation: 'select', outcome: 'ok' }, 0.003);
    const text = await first.registry.metrics();
    expect(text).toContain('db_query_duration_seconds_count{operation="select",outcome="ok"} 1');
    expect(await second.registry.metrics()).not.toContain('operation="select"');
  });

  it('lets the data layer time a query with a timer', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    const stop = metrics.dbQueryDuration.startTimer({ operation: 'insert' });
    stop({ outcome: 'error' });
    expect(await metrics.registry.metrics()).toContain(
      'db_query_duration_seconds_count{operation="insert",outcome="error"} 1',
    );
  });
});
