/**
 * The load simulation (Gatling, Java DSL; Maven profile {@code load}, docs/performance.md): staff working in
 * Tasklist and the public submitting complaints and looking them up, against the product and, with the same
 * calls, the bare engine.
 */
package uk.putitright.load;
