package dev.invariantharness.surface.compare;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The conventions of the canonical form every answer is turned into before comparing. The proto
 * JSON mapping allows several spellings of one message (field names as declared or in
 * lowerCamelCase, {@code int64} as a string or a number, default values omitted or present); the
 * canonical form picks one, so only real differences remain.
 *
 * <pre>{@code
 * CanonicalOptions.standard().withEnumsAsNumbers(true)   // a surface may send enums as numbers
 * }</pre>
 *
 * @param protoFieldNames canonical names as declared ({@code note_id}) rather than lowerCamelCase
 *     ({@code noteId}); JSON pointers in rules use the chosen form
 * @param enumsAsNumbers whether an answer may send an enum as its number; when false a number is a
 *     finding (the surface does not follow the contract's enum convention)
 * @param undeclaredFieldInvariant the invariant a field the proto does not declare is reported under
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record CanonicalOptions(boolean protoFieldNames, boolean enumsAsNumbers, String undeclaredFieldInvariant) {

  /** lowerCamelCase names, enums by name only, undeclared fields under INV-01 (proto-first contracts). */
  public static CanonicalOptions standard() {
    return new CanonicalOptions(false, false, "INV-01");
  }

  /** A copy using declared ({@code snake_case}) field names in the canonical form. */
  public CanonicalOptions withProtoFieldNames(boolean on) {
    return new CanonicalOptions(on, enumsAsNumbers, undeclaredFieldInvariant);
  }

  /** A copy that accepts enums sent as numbers. */
  public CanonicalOptions withEnumsAsNumbers(boolean on) {
    return new CanonicalOptions(protoFieldNames, on, undeclaredFieldInvariant);
  }

  /** A copy reporting undeclared fields under {@code invariant}. */
  public CanonicalOptions withUndeclaredFieldInvariant(String invariant) {
    return new CanonicalOptions(protoFieldNames, enumsAsNumbers, invariant);
  }
}
