/**
 * The bare engine of the load run: a minimal Spring Boot application with Camunda's engine and engine-rest and
 * nothing of the product (no form handler, no listeners, no JPA, no Flyway), running bench/load/bare-complaint.bpmn
 * with the product's Camunda Forms. Test scope; imports nothing from the product.
 */
package uk.putitright.bench.bare;
