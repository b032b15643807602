/**
 * Running it in production: the order in which the database schemas are made (Liquibase for the engine's
 * tables, before the engine starts), the health and metrics endpoints with the complaint and job gauges
 * monitoring scrapes, and the complaint reference in every log line written for a complaint.
 */
package uk.putitright.operations;
