import { describe, expect, it } from 'vitest';
import { parseRange } from '../../../src/main/core/media/range.ts';

describe('parseRange', () => {
  it('takes a closed range, clamped to the file', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ kind: 'range', start: 0, end: 99 });
    expect(parseRange('bytes=900-2000', 1000)).toEqual({ kind: 'range', start: 900, end: 999 });
  });
  it('takes an open range and a suffix', () => {
    expect(parseRange('bytes=500-', 1000)).toEqual({ kind: 'range', start: 500, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ kind: 'range', start: 900, end: 999 });
    expect(parseRange('bytes=-5000', 1000)).toEqual({ kind: 'range', start: 0, end: 999 });
  });
  it('refuses a start beyond the end', () => {
    expect(parseRange('bytes=1000-', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-0', 1000)).toEqual({ kind: 'unsatisfiable' });
  });
  it('ignores what it cannot read, as RFC 9110 asks', () => {
    expect(parseRange(null, 1000)).toEqual({ kind: 'none' });
    expect(parseRange('items=0-5', 1000)).toEqual({ kind: 'none' });
    expect(parseRange('bytes=50-10', 1000)).toEqual({ kind: 'none' });
    expect(parseRange('bytes=-', 1000)).toEqual({ kind: 'none' });
  });
  it('coalesces several ranges into the one span that covers them', () => {
    expect(parseRange('bytes=0-9, 20-29', 1000)).toEqual({ kind: 'range', start: 0, end: 29 });
    expect(parseRange('bytes=500-599,-10', 1000)).toEqual({ kind: 'range', start: 500, end: 999 });
    expect(parseRange('bytes=2000-,0-0', 1000)).toEqual({ kind: 'range', start: 0, end: 0 });
    expect(parseRange('bytes=2000-,3000-', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=0-9,x', 1000)).toEqual({ kind: 'none' });
  });
});
