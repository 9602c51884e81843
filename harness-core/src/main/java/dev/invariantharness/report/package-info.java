/**
 * The gate report and its views ({@code results.tsv}, {@code SUMMARY.md}, {@code summary.json}, {@code index.html}), and the merge of several reports into one decision.
 */
@API(status = STABLE, since = "0.1")
package dev.invariantharness.report;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
