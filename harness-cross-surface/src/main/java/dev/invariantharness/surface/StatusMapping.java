package dev.invariantharness.surface;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.grpc.Status.Code;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Which HTTP status stands for which canonical error code, so an HTTP surface and a gRPC surface
 * can be held to one expected outcome. The standard table is google.rpc's / grpc-gateway's
 * ({@code NOT_FOUND} 404, {@code INVALID_ARGUMENT}, {@code FAILED_PRECONDITION} and
 * {@code OUT_OF_RANGE} 400, {@code ALREADY_EXISTS} and {@code ABORTED} 409, ...); a team whose
 * gateway maps differently says so:
 *
 * <pre>{@code
 * StatusMapping.standard().with(Code.FAILED_PRECONDITION, 412)
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class StatusMapping {

  private final Map<Code, Integer> table;

  private StatusMapping(Map<Code, Integer> table) {
    this.table = table;
  }

  /** The google.rpc / grpc-gateway table. */
  public static StatusMapping standard() {
    Map<Code, Integer> t = new EnumMap<>(Code.class);
    t.put(Code.OK, 200);
    t.put(Code.CANCELLED, 499);
    t.put(Code.UNKNOWN, 500);
    t.put(Code.INVALID_ARGUMENT, 400);
    t.put(Code.DEADLINE_EXCEEDED, 504);
    t.put(Code.NOT_FOUND, 404);
    t.put(Code.ALREADY_EXISTS, 409);
    t.put(Code.PERMISSION_DENIED, 403);
    t.put(Code.RESOURCE_EXHAUSTED, 429);
    t.put(Code.FAILED_PRECONDITION, 400);
    t.put(Code.ABORTED, 409);
    t.put(Code.OUT_OF_RANGE, 400);
    t.put(Code.UNIMPLEMENTED, 501);
    t.put(Code.INTERNAL, 500);
    t.put(Code.UNAVAILABLE, 503);
    t.put(Code.DATA_LOSS, 500);
    t.put(Code.UNAUTHENTICATED, 401);
    return new StatusMapping(t);
  }

  /** A copy in which {@code code} is answered over HTTP with {@code httpStatus}. */
  public StatusMapping with(Code code, int httpStatus) {
    if (httpStatus < 100 || httpStatus > 599) {
      throw new IllegalArgumentException("HTTP status " + httpStatus + " for " + code + " is not a status");
    }
    Map<Code, Integer> t = new EnumMap<>(table);
    t.put(code, httpStatus);
    return new StatusMapping(t);
  }

  /** The HTTP status that stands for {@code code}. */
  public int httpStatus(Code code) {
    return table.get(code);
  }

  /** Every code {@code httpStatus} may stand for (several for 400, 409 and 500), in code order. */
  public List<Code> codes(int httpStatus) {
    List<Code> out = new ArrayList<>();
    table.forEach((code, status) -> {
      if (status == httpStatus) {
        out.add(code);
      }
    });
    return out;
  }

  /**
   * Whether an HTTP answer with {@code httpStatus} and (possibly null) stated code gives the
   * expected {@code code}: its status is the one the table maps the code to, and a code it
   * states is that code.
   */
  public boolean accepts(Code code, int httpStatus, Code stated) {
    return httpStatus(code) == httpStatus && (stated == null || stated == code);
  }
}
