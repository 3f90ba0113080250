/**
 * The {@code xlsx} source: reads one sheet of an Excel workbook as a stream of records, keeping what
 * each cell is (number, date-time, time of day, duration, text, as its number format shows), with POI's zip-bomb guard on and hostile or unsupported
 * files (encrypted, old binary .xls, not a zip) refused with a sentence that says how to fix them.
 */
package io.vlmeta.sources.xlsx;
