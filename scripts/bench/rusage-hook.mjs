// Loaded with `node --import`: on exit, writes this process's CPU time and peak RSS to $RUSAGE_FILE.
import { writeFileSync } from 'node:fs';

const file = process.env.RUSAGE_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ userMs: u.userCPUTime / 1000, systemMs: u.systemCPUTime / 1000, maxRssKb: u.maxRSS }));
  });
}
