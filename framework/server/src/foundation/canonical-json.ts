/**
 * What {@link canonicalJson} throws for a value JSON cannot hold. Its message never quotes the
 * value's content (only the kind of value, or `Infinity` / `NaN`), so it may be logged and stored
 * where the value itself, which may hold personal data, must not be.
 */
export class CanonicalJsonError extends TypeError {
  override readonly name = 'CanonicalJsonError';
}

/** What is left to do: write a piece of text or a value, or leave a container written in full. */
type Task = { text: string } | { value: unknown } | { leave: object };

/**
 * Deterministic JSON: object keys sorted by UTF-16 code units, no whitespace, members whose value
 * is `undefined` left out, strings and numbers written as `JSON.stringify` writes them (for the
 * values JSON can hold this is RFC 8785, the JSON Canonicalization Scheme). The same value always
 * gives the same text, whatever order its keys were built in: what the audit hash chain needs.
 * Any depth: it writes with a stack of its own, not by recursion (a value from `JSON.parse`, which
 * nests as deep as its text does, never overflows the call stack here).
 *
 * @throws {CanonicalJsonError} for values JSON cannot hold (non-finite numbers, bigint, functions,
 * symbols, a value that contains itself)
 *
 * @example
 * canonicalJson({ b: 1, a: [true, null, 'x'] }) // '{"a":[true,null,"x"],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  // reversed: the next task is the last element
  const tasks: Task[] = [{ value }];
  // the containers being written, to refuse a cycle (which recursion once cut off by depth)
  const open = new Set<object>();
  for (let task = tasks.pop(); task !== undefined; task = tasks.pop()) {
    if ('text' in task) {
      out.push(task.text);
      continue;
    }
    if ('leave' in task) {
      open.delete(task.leave);
      continue;
    }
    const current = task.value;
    if (current === null) {
      out.push('null');
      continue;
    }
    switch (typeof current) {
      case 'boolean':
      case 'string':
        out.push(JSON.stringify(current));
        continue;
      case 'number':
        if (!Number.isFinite(current))
          throw new CanonicalJsonError(`canonicalJson: ${current} is not a JSON number`);
        out.push(JSON.stringify(current));
        continue;
      case 'object':
        break;
      default:
        throw new CanonicalJsonError(`canonicalJson: a ${typeof current} is not a JSON value`);
    }
    if (open.has(current)) throw new CanonicalJsonError('canonicalJson: the value contains itself');
    const toJson = (current as { toJSON?: unknown }).toJSON;
    if (!Array.isArray(current) && typeof toJson === 'function') {
      tasks.push({ value: (toJson as () => unknown).call(current) });
      continue;
    }
    open.add(current);
    const members: Task[] = [];
    if (Array.isArray(current)) {
      current.forEach((item, index) => {
        if (index > 0) members.push({ text: ',' });
        members.push({ value: item === undefined ? null : item });
      });
      out.push('[');
    } else {
      // the default sort compares UTF-16 code units, as RFC 8785 asks
      for (const key of Object.keys(current).sort()) {
        const member = (current as Record<string, unknown>)[key];
        if (member === undefined) continue;
        members.push({ text: `${members.length > 0 ? ',' : ''}${JSON.stringify(key)}:` });
        members.push({ value: member });
      }
      out.push('{');
    }
    // members first, then the closing bracket; one push per task (a spread of a huge array would not fit the call)
    tasks.push({ leave: current }, { text: Array.isArray(current) ? ']' : '}' });
    for (let i = members.length - 1; i >= 0; i--) tasks.push(members[i] as Task);
  }
  return out.join('');
}
