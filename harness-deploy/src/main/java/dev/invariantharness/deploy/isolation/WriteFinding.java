package dev.invariantharness.deploy.isolation;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.finding.Finding;
import org.apiguardian.api.API;

/**
 * A role that can write where it must not.
 *
 * @param invariant the violated invariant (that of the plane written into)
 * @param role the plane role that can write
 * @param object {@code schema.table}, {@code schema} (DDL) or {@code schema.<future tables>}
 * @param privilege {@code INSERT}, {@code UPDATE}, {@code DELETE}, {@code TRUNCATE}, {@code CREATE},
 *     {@code OWNER}, {@code SUPERUSER}, ...
 * @param via the role whose grant it uses: the role itself, {@code PUBLIC} or a role it inherits
 * @param proof how it was proven: {@code catalog}, {@code attempt} or {@code catalog+attempt}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record WriteFinding(String invariant, String role, String object, String privilege, String via, String proof) {

  /** {@code role X can write schema.table (privilege, via role Y)}. */
  public String message() {
    return "role " + role + " can write " + object + " (" + privilege + ", via " + via + ")"
        + (proof.isEmpty() ? "" : " [" + proof + "]");
  }

  /** As harness-core finding data. */
  public Finding toFinding() {
    return new Finding(invariant, object, message());
  }
}
