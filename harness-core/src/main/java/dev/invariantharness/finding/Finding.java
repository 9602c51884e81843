package dev.invariantharness.finding;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One observed violation of an invariant, in a reviewer's words.
 *
 * @param invariant the violated invariant id, e.g. {@code INV-12}
 * @param location where it was seen: {@code path:line}, a route, a topic and seq; may be empty
 * @param message what was expected and what was seen
 */
@API(status = STABLE, since = "0.1")
public record Finding(String invariant, String location, String message) {

  public Finding {
    Objects.requireNonNull(invariant, "invariant");
    location = location == null ? "" : location;
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return location.isEmpty() ? message : location + ": " + message;
  }
}
