// Reads a stream as a player would, a little at a time, so a test can act between reads
// (take a share offline, say) and then check every byte that arrived.

export function stepReader(stream: ReadableStream<Uint8Array>) {
  const reader = stream.getReader();
  const got: Uint8Array[] = [];
  let received = 0;
  return {
    /** Reads until at least `upTo` bytes have arrived in all, or the stream ends. */
    async take(upTo: number): Promise<void> {
      while (received < upTo) {
        const { value, done } = await reader.read();
        if (done) return;
        got.push(value);
        received += value.length;
      }
    },
    bytes: (): Buffer => Buffer.concat(got),
  };
}
