// Jest global setup: stop the whole run at once, in one line, when a part the tests need is
// missing (moto_server, libfaketime), rather than with a spawn error in every suite.
import { ensureTestTools } from './lib/test-tools.mjs';

export default function globalSetup() {
  const tools = ensureTestTools();
  if (!tools.ok) {
    process.stderr.write(`\n${tools.message}\n`);
    process.exit(1);
  }
}
