/**
 * The load run (docs/performance.md): the data generator that fills the product's and the bare engine's
 * databases at a large landlord's scale through the engine, the staff roster and the form values both sides
 * share. The Gatling simulation that drives them lives in src/load/java (Maven profile {@code load}).
 */
package uk.putitright.bench.load;
