// Splits streamed text into lines (for JSON-lines input): no I/O, the caller feeds decoded chunks.
// A trailing `\r` is removed so that CRLF files behave like LF files.
export class LineSplitter {
  private rest = '';

  /** Calls `onLine` for every complete line in `chunk` (plus what was left from the previous chunk). */
  push(chunk: string, onLine: (line: string) => void): void {
    let start = 0;
    let text = chunk;
    if (this.rest !== '') {
      text = this.rest + chunk;
      this.rest = '';
    }
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl === -1) break;
      const end = nl > start && text.charCodeAt(nl - 1) === 0x0d ? nl - 1 : nl;
      onLine(text.slice(start, end));
      start = nl + 1;
    }
    this.rest = start < text.length ? text.slice(start) : '';
  }

  /** Flushes a last line without a newline. */
  end(onLine: (line: string) => void): void {
    if (this.rest !== '') {
      const line = this.rest.endsWith('\r') ? this.rest.slice(0, -1) : this.rest;
      this.rest = '';
      onLine(line);
    }
  }
}
