package dev.invariantharness.runtime.freeze.internal;

import dev.invariantharness.runtime.freeze.WriteRoute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which write routes touch the same resource, and so must be probed one after another.
 *
 * <p>Two writes to one resource sent together race: a {@code DELETE} that lands first turns the
 * {@code PATCH} beside it into a {@code 404}, which hides whether the PATCH would have gone
 * through. A route's resource is its path up to and including its last path parameter, filled
 * ({@code PATCH /runs/{id}}, {@code DELETE /runs/{id}} and {@code POST /runs/{id}/events} with
 * {@code id=run-1} all touch {@code /runs/run-1}); a route without parameters is its own
 * resource ({@code POST /runs} creates, it touches no existing id). Routes of one resource form a
 * chain, sent in the order given except that {@code DELETE}s go last, so every other write is
 * judged against a resource that still exists. Chains of different resources run in parallel.
 */
public final class WriteOrder {

  private WriteOrder() {}

  /** The resource {@code route} writes to, e.g. {@code /runs/run-1} for {@code POST /runs/{id}/events}. */
  public static String resourceOf(WriteRoute route) {
    String path = route.path();
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    String[] template = route.template().split("/", -1);
    int last = -1;
    for (int i = 0; i < template.length; i++) {
      if (template[i].contains("{")) {
        last = i;
      }
    }
    if (last < 0) {
      return path;
    }
    String[] filled = path.split("/", -1);
    if (filled.length != template.length) {
      // a value that filled a parameter with '/' in it: the whole path is the safest key
      return path;
    }
    return String.join("/", java.util.Arrays.copyOfRange(filled, 0, last + 1));
  }

  /**
   * The indices of {@code routes} grouped into chains by resource, chains in the order their
   * first route appears, each chain in sending order (DELETEs last, otherwise as given).
   */
  public static List<List<Integer>> chains(List<WriteRoute> routes) {
    Map<String, List<Integer>> byResource = new LinkedHashMap<>();
    for (int i = 0; i < routes.size(); i++) {
      byResource.computeIfAbsent(resourceOf(routes.get(i)), k -> new ArrayList<>()).add(i);
    }
    List<List<Integer>> chains = new ArrayList<>();
    for (List<Integer> chain : byResource.values()) {
      List<Integer> ordered = new ArrayList<>();
      chain.stream().filter(i -> !routes.get(i).method().equals("DELETE")).forEach(ordered::add);
      chain.stream().filter(i -> routes.get(i).method().equals("DELETE")).forEach(ordered::add);
      chains.add(List.copyOf(ordered));
    }
    return List.copyOf(chains);
  }
}
