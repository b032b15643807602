/**
 * Working-day arithmetic: Monday to Friday less England and Wales bank holidays (jollyday) and the
 * landlord's configured closure dates. Every deadline in the processes is computed here.
 */
package uk.putitright.calendar;
