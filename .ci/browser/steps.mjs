// The step runner every browser journey shares: each step is one node:test case; once a step fails the later
// ones are skipped (they would only fail the same way), and the failing page is kept as a screenshot.
import assert from 'node:assert/strict';
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

/**
 * Returns call(method, pathAndQuery, body, auth): our API or engine REST on baseUrl as JSON, as defaultAuth
 * unless told; any answer but 2xx fails the step with the answer's text.
 */
export function caller(baseUrl, defaultAuth) {
  return async function call(method, pathAndQuery, body, auth = defaultAuth) {
    const headers = { Accept: 'application/json' };
    if (auth) {
      headers.Authorization = auth;
    }
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(`${baseUrl}${pathAndQuery}`, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    assert.ok(response.ok, `${method} ${pathAndQuery} answered ${response.status}: ${text}`);
    return text ? JSON.parse(text) : null;
  };
}

/** Asks fn every half second until it answers something truthy, which it returns; fails after timeoutMs. */
export async function eventually(what, fn, timeoutMs = 90_000) {
  const giveUp = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) {
      return value;
    }
    if (Date.now() > giveUp) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
