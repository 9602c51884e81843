package dev.invariantharness.scan.internal;

/**
 * The ignore files that apply inside one directory: its own {@code .gitignore} and those of its
 * ancestors, then {@code .git/info/exclude}. Immutable, so parallel directory tasks share it.
 *
 * <p>Precedence follows git: the deepest {@code .gitignore} with any matching line decides
 * (its last matching line, which may be a {@code !} negation); only if no {@code .gitignore}
 * matches does {@code info/exclude} decide. Whether a parent directory is excluded is not this
 * class's business: the walk never descends into one, which is why a file below it cannot be
 * re-included.
 */
final class IgnoreRules {

  private static final IgnoreRules NONE = new IgnoreRules(null, null, null);

  private final GitignoreFile file;
  private final IgnoreRules parent;
  private final GitignoreFile exclude;

  private IgnoreRules(GitignoreFile file, IgnoreRules parent, GitignoreFile exclude) {
    this.file = file;
    this.parent = parent;
    this.exclude = exclude;
  }

  /** Rules that ignore nothing. */
  static IgnoreRules none() {
    return NONE;
  }

  /** The root rules: only {@code .git/info/exclude} (may be empty bytes). */
  static IgnoreRules root(byte[] infoExclude) {
    GitignoreFile ex = infoExclude == null || infoExclude.length == 0
        ? null : GitignoreFile.parse(".git/info/exclude", "", infoExclude);
    return new IgnoreRules(null, null, ex == null || ex.isEmpty() ? null : ex);
  }

  /** These rules plus a {@code .gitignore} found in {@code dir} (relative, no trailing '/'). */
  IgnoreRules withGitignore(String dir, byte[] content) {
    String source = dir.isEmpty() ? ".gitignore" : dir + "/.gitignore";
    GitignoreFile parsed = GitignoreFile.parse(source, dir, content);
    return parsed.isEmpty() ? this : new IgnoreRules(parsed, this, exclude);
  }

  /** The deciding pattern or {@code null}; {@code path} is 0-terminated at {@code pathLen}. */
  GitignorePattern decide(byte[] path, int pathLen, int basename, boolean isDir) {
    for (IgnoreRules r = this; r != null; r = r.parent) {
      if (r.file != null) {
        GitignorePattern m = r.file.lastMatch(path, pathLen, basename, isDir);
        if (m != null) {
          return m;
        }
      }
    }
    return exclude == null ? null : exclude.lastMatch(path, pathLen, basename, isDir);
  }
}
