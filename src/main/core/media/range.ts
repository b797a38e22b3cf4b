// HTTP Range parsing (RFC 9110 §14). Several ranges are coalesced into the one span that covers
// them, which §14.2 allows and which keeps the reply a single part: an audio element never
// asks for more than one range anyway.

export type RangeRequest = { kind: 'none' } | { kind: 'range'; start: number; end: number } | { kind: 'unsatisfiable' };

type Spec = { start: number; end: number } | 'invalid' | 'unsatisfiable';

function parseSpec(spec: string, size: number): Spec {
  const match = /^\s*(\d*)\s*-\s*(\d*)\s*$/.exec(spec);
  if (!match) return 'invalid';
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return 'invalid';
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return 'invalid';
  if (start >= size) return 'unsatisfiable';
  return { start, end: last === '' ? size - 1 : Math.min(Number(last), size - 1) };
}

export function parseRange(header: string | null, size: number): RangeRequest {
  if (!header) return { kind: 'none' };
  const match = /^\s*bytes\s*=(.*)$/i.exec(header);
  // A malformed header is ignored, as the RFC asks: the client gets the whole file.
  if (!match) return { kind: 'none' };
  const specs = match[1]!.split(',').map((spec) => parseSpec(spec, size));
  if (specs.length === 0 || specs.includes('invalid')) return { kind: 'none' };
  const satisfiable = specs.filter((spec): spec is { start: number; end: number } => typeof spec === 'object');
  if (satisfiable.length === 0) return { kind: 'unsatisfiable' };
  return {
    kind: 'range',
    start: Math.min(...satisfiable.map((s) => s.start)),
    end: Math.max(...satisfiable.map((s) => s.end)),
  };
}
