package dev.invariantharness.scan;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Everything one {@link RepoScan} run saw: the files it selected, the matching lines, and every
 * path it had to skip. All lists are sorted (files and skips by path, hits by path then line),
 * so two runs over the same tree compare equal.
 *
 * @param files every selected file (after {@code .gitignore}, include and exclude), whether or
 *     not its content could be searched
 * @param hits matching lines; empty for {@link RepoScan#walk()}
 * @param skipped paths not searched, with the reason
 */
@API(status = STABLE, since = "0.1")
public record ScanResult(List<String> files, List<ScanHit> hits, List<SkippedPath> skipped) {

  public ScanResult {
    files = files == null ? List.of() : List.copyOf(files);
    hits = hits == null ? List.of() : List.copyOf(hits);
    skipped = skipped == null ? List.of() : List.copyOf(skipped);
  }

  /** The skips for one reason, e.g. {@link SkippedPath.Reason#UNREADABLE}. */
  public List<SkippedPath> skipped(SkippedPath.Reason reason) {
    return skipped.stream().filter(s -> s.reason() == reason).toList();
  }

  /** Paths that could not be listed or read: what a check cannot vouch for. */
  public List<SkippedPath> unreadable() {
    return skipped(SkippedPath.Reason.UNREADABLE);
  }
}
