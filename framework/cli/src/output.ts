/** Where commands print. Progress lines overwrite each other on a terminal and vanish elsewhere. */
export interface Output {
  info(line: string): void;
  error(line: string): void;
  progress(line: string): void;
  clearProgress(): void;
}

/**
 * The console output of the `prefiq` command.
 *
 * @example
 * const out = consoleOutput(); out.info('done');
 */
export function consoleOutput(stream: NodeJS.WriteStream = process.stderr): Output {
  const live = stream.isTTY === true;
  let shown = false;
  return {
    info: (line) => {
      process.stdout.write(`${line}\n`);
    },
    error: (line) => {
      process.stderr.write(`${line}\n`);
    },
    progress: (line) => {
      if (!live) return;
      stream.write(`\r\x1b[2K${line}`);
      shown = true;
    },
    clearProgress: () => {
      if (live && shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}

/** Collects lines, for tests. */
export function memoryOutput(): Output & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return {
    lines,
    errors,
    info: (line) => lines.push(line),
    error: (line) => errors.push(line),
    progress: () => {},
    clearProgress: () => {},
  };
}
