import type { BadRequest } from './bad-request.js';
import { type Baseline, renderRequest } from './baseline-request.js';
import type { SeededRandom } from './seeded-random.js';

/**
 * Bad path parameters: not a uuid (or against the pattern), NUL, lone surrogates, very long,
 * broken percent-encoding, traversal, and well-formed ids of nothing.
 *
 * @example
 * pathMutations(getDealBaseline, random).map((r) => r.shape.path); // ['/api/crm/deals/not-a-uuid', …]
 */
export function pathMutations(
  baseline: Baseline,
  random: SeededRandom,
  isRecord: (name: string) => boolean = () => true,
): BadRequest[] {
  const { operation } = baseline;
  const out: BadRequest[] = [];
  for (const param of operation.parameters.filter((p) => p.in === 'path')) {
    const valid = encodeURIComponent(baseline.pathParams[param.name] ?? 'x');
    const uuid = param.schema.format === 'uuid';
    // text that only a format or a pattern refuses; an unconstrained parameter may hold it
    const constrained = uuid || typeof param.schema.pattern === 'string';
    // an id of nothing: deterministic digits in the uuid's shape
    const absent = uuid
      ? `${random.hex(8)}-${random.hex(4)}-4${random.hex(3)}-8${random.hex(3)}-${random.hex(12)}`
      : `zz-absent-${random.hex(8)}`;
    const texts: [string, string][] = [
      ['nul', '%00'],
      ['nul-inside', `a%00b`],
      ['nul-suffix', `${valid}%00`],
      ['lone-surrogate', '%ED%A0%80'],
      ['huge', 'x'.repeat(5_000)],
    ];
    if (constrained) {
      texts.push(
        [uuid ? 'not-a-uuid' : 'against-pattern', uuid ? 'not-a-uuid' : 'BAD%20KEY!'],
        ['broken-percent', '%E0%A4%A'],
        ['traversal', '..%2F..%2Fauth%2Fme'],
        ['encoded-slash', `${valid}%2Fextra`],
      );
    }
    // an id of no record is a 404 only where the parameter names a record of a list
    if (isRecord(param.name)) {
      texts.push(['absent', absent]);
      if (uuid) texts.push(['nil-uuid', '00000000-0000-0000-0000-000000000000']);
    }
    for (const [kind, text] of texts) {
      const shape = renderRequest({
        ...baseline,
        pathParams: { ...baseline.pathParams, [param.name]: '\u0001' },
      });
      out.push({
        operationId: operation.operationId,
        kind: `path.${kind}`,
        target: `/params/${param.name}`,
        shape: { ...shape, path: shape.path.replace('%01', text) },
      });
    }
  }
  return out;
}
