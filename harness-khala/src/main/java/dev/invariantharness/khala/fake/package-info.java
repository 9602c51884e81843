/**
 * An embeddable fake Khala for client replay tests: {@link dev.invariantharness.khala.fake.FakeSyncServer}
 * (both wire surfaces over in-memory topic logs), {@link dev.invariantharness.khala.fake.FaultSchedule}
 * (seeded, replayable faults) and {@link dev.invariantharness.khala.fake.ClientVerdict} (a client's
 * applied state against the reference model, INV-07).
 */
@API(status = EXPERIMENTAL, since = "0.1")
package dev.invariantharness.khala.fake;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
