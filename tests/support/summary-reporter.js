// Prints the plain closing line that CI reads, "N passed, N failed", as the very
// last line: jest's own summary is written after every reporter's onRunComplete,
// so the line goes out when the process exits.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = `${results.numPassedTests} passed, ${failed} failed\n`;
    process.once("exit", () => process.stdout.write(line));
  }
}
module.exports = SummaryReporter;
