// Import first in a test that needs Ink's live frames: Ink (through is-in-ci) decides at import time
// to print only the final frame when CI is set, and CI runs the suite with CI=true.
export const ciValue = process.env.CI;
delete process.env.CI;
