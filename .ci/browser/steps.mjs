// The step runner every browser journey shares: each step is one node:test case; once a step fails the later
// ones are skipped (they would only fail the same way), and the failing page is kept as a screenshot.
import { it } from 'node:test';

/**
 * Returns step(name, fn). onFailure(slug) saves what the failing page showed; slug is the step's name in
 * lower case with dashes, for the screenshot's file name. An error in onFailure never hides the step's own.
 */
export function stepper({ timeout, onFailure }) {
  let failed = false;
  return function step(name, fn) {
    it(name, { timeout }, async (t) => {
      if (failed) {
        t.skip('an earlier step failed');
        return;
      }
      try {
        await fn(t);
      } catch (error) {
        failed = true;
        await Promise.resolve()
          .then(() => onFailure(name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()))
          .catch(() => {});
        throw error;
      }
    });
  };
}
