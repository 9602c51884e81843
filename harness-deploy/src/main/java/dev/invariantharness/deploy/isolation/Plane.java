package dev.invariantharness.deploy.isolation;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * One plane of the system: the role its service connects as and the schemas it owns.
 *
 * @param name plane name, e.g. {@code control}
 * @param invariant the invariant a write into this plane's schemas by another plane violates
 * @param role the role the plane's service uses
 * @param schemas the schemas only this plane may write
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Plane(String name, String invariant, String role, List<String> schemas) {

  public Plane {
    if (name == null || name.isBlank() || role == null || role.isBlank()) {
      throw new IllegalArgumentException("a plane needs a name and a role");
    }
    if (schemas == null || schemas.isEmpty()) {
      throw new IllegalArgumentException("plane " + name + " owns no schema");
    }
    schemas = List.copyOf(schemas);
  }

  /** The default invariant of a plane: control INV-04, runtime INV-05, khala INV-06, others INV-05. */
  public static String defaultInvariant(String plane) {
    switch (plane.toLowerCase(Locale.ROOT)) {
      case "control":
        return "INV-04";
      case "khala":
        return "INV-06";
      default:
        return "INV-05";
    }
  }
}
