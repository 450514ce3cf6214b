// Fails when the JavaScript the page loads before its first paint is over its budget
// (scripts/bundle-size.ts). Run by the test runner right after it builds the UI; an argument
// names another built site (its test uses that).
import { INITIAL_JS_GZIP_BUDGET_BYTES, initialJsGzipBytes } from './bundle-size.js';

const { bytes, files } = process.argv[2] ? initialJsGzipBytes(process.argv[2]) : initialJsGzipBytes();
const summary = `initial JS: ${bytes.toLocaleString('en')} bytes gzip in ${files.length} file(s), budget ${INITIAL_JS_GZIP_BUDGET_BYTES.toLocaleString('en')}`;
if (bytes > INITIAL_JS_GZIP_BUDGET_BYTES) {
  console.error(`${summary}: over by ${(bytes - INITIAL_JS_GZIP_BUDGET_BYTES).toLocaleString('en')} bytes. Load the new code lazily (see vite.config.ts).`);
  process.exit(1);
}
console.log(summary);
