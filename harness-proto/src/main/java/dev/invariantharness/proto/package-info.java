/**
 * INV-01, proto-first contracts: buf's {@code lint} and {@code breaking} with buf's rule ids,
 * categories, configuration and output, generated-code drift, and AssertJ assertions that report
 * every finding under INV-01.
 *
 * <p>Entry points: {@link dev.invariantharness.proto.ProtoInput} (where contracts come from),
 * {@link dev.invariantharness.proto.ProtoChecks} (the findings, as buf gives them),
 * {@link dev.invariantharness.proto.ProtoAssertions} (the gate in a JUnit test) and
 * {@link dev.invariantharness.proto.GeneratedCode} (drift of checked-in generated code).
 */
package dev.invariantharness.proto;
