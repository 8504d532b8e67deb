import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { ReplayEvent } from '../events';
import { parseEventLine } from './parse-event-line';

/** A line that could not be read as an event. */
export interface LineProblem {
  readonly line: number;
  readonly problem: string;
}

/** Every valid event of a JSON Lines file, in file order, plus every bad line (blank lines are skipped). */
export async function readEventsFile(
  path: string,
): Promise<{ events: ReplayEvent[]; problems: LineProblem[] }> {
  const events: ReplayEvent[] = [];
  const problems: LineProblem[] = [];
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let number = 0;
  for await (const line of lines) {
    number += 1;
    if (line.trim() === '') continue;
    const parsed = parseEventLine(line);
    if (parsed.ok) events.push(parsed.event);
    else problems.push({ line: number, problem: parsed.problem });
  }
  return { events, problems };
}
