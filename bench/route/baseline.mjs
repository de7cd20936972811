// Baseline for the `route` benchmark: read the events file line by line (same streaming and line
// splitting as `eventroutes route`) and JSON.parse each line; write one short line per event so that the
// output volume is comparable. Usage: node baseline.mjs EVENTS.jsonl > /dev/null
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

const decoder = new StringDecoder('utf8');
let rest = '';
let out = '';
let count = 0;
const onLine = (line) => {
  if (line.length === 0) return;
  const event = JSON.parse(line);
  count += event === null ? 0 : 1;
  out += '[]\n';
  if (out.length >= 1 << 20) {
    process.stdout.write(out);
    out = '';
  }
};
for await (const chunk of createReadStream(process.argv[2], { highWaterMark: 1 << 20 })) {
  const text = rest + decoder.write(chunk);
  let start = 0;
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
    onLine(text.slice(start, nl));
    start = nl + 1;
  }
  rest = text.slice(start);
}
onLine(rest + decoder.end());
process.stdout.write(out);
process.stderr.write(`${count} events\n`);
