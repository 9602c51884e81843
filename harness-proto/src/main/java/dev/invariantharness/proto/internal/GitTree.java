package dev.invariantharness.proto.internal;

import dev.invariantharness.HarnessInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * Exports the contracts of a git ref (a branch, tag, commit or any revision expression such as
 * {@code main~1}) into a temporary directory with JGit: the {@code .proto} files and buf
 * configuration under a subdirectory, read from the object database, the work tree and index
 * untouched and no {@code git} executable needed.
 */
public final class GitTree {

  private GitTree() {}

  /** The repository {@code directory} is in: its work tree and the path of {@code directory} inside it ("." at the top). */
  public static String[] locate(Path directory) {
    try (Repository repository = open(directory, directory.toString())) {
      if (repository.isBare()) {
        return new String[] {repository.getDirectory().getAbsolutePath(), "."};
      }
      Path top = repository.getWorkTree().toPath().toAbsolutePath().normalize();
      Path here = directory.toAbsolutePath().normalize();
      String prefix = top.relativize(here).toString().replace('\\', '/');
      return new String[] {top.toString(), prefix.isEmpty() ? "." : prefix};
    }
  }

  /** The contracts under {@code subdirectory} ("." for all) of {@code ref} in {@code repository}, in a new temporary directory. */
  public static Path export(Path repository, String ref, String subdirectory) {
    String input = repository + "@" + ref;
    String sub = normalize(subdirectory);
    try (Repository repo = open(repository, input); RevWalk walk = new RevWalk(repo)) {
      ObjectId id;
      try {
        id = repo.resolve(ref + "^{commit}");
      } catch (AmbiguousObjectException e) {
        throw new HarnessInputException(input, "baseline ref \"" + ref + "\" is ambiguous in " + repository);
      } catch (MissingObjectException e) {
        id = null;
      } catch (RevisionSyntaxException | IncorrectObjectTypeException e) {
        throw new HarnessInputException(input, "baseline ref \"" + ref + "\" does not exist in " + repository
            + " (not a commit: " + e.getMessage() + ")");
      }
      if (id == null) {
        throw new HarnessInputException(input, "baseline ref \"" + ref + "\" does not exist in " + repository);
      }
      RevCommit commit;
      try {
        commit = walk.parseCommit(id);
      } catch (MissingObjectException | IncorrectObjectTypeException e) {
        throw new HarnessInputException(input, "baseline ref \"" + ref + "\" does not exist in " + repository);
      }
      Path out = Files.createTempDirectory("invariant-git");
      int files = 0;
      boolean subFound = sub.isEmpty();
      try (TreeWalk tree = new TreeWalk(repo); ObjectReader reader = repo.newObjectReader()) {
        tree.addTree(commit.getTree());
        tree.setRecursive(true);
        if (!sub.isEmpty()) {
          tree.setFilter(PathFilter.create(sub));
        }
        while (tree.next()) {
          String path = tree.getPathString();
          String relative = sub.isEmpty() ? path : path.startsWith(sub + "/") ? path.substring(sub.length() + 1) : null;
          if (relative == null) {
            continue;
          }
          subFound = true;
          FileMode mode = tree.getFileMode(0);
          if ((mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) || !contract(relative)) {
            continue;
          }
          Path target = out.resolve(relative).normalize();
          if (!target.startsWith(out)) {
            throw new HarnessInputException(input, "refuses path outside the export: " + path);
          }
          Files.createDirectories(target.getParent());
          try (OutputStream os = Files.newOutputStream(target)) {
            reader.open(tree.getObjectId(0)).copyTo(os);
          }
          files++;
        }
      }
      if (!subFound || files == 0) {
        delete(out);
        throw new HarnessInputException(input, "\"" + subdirectory + "\" has no .proto files at " + ref
            + " (commit " + commit.abbreviate(12).name() + ")");
      }
      return out;
    } catch (IOException e) {
      throw new HarnessInputException(input, "cannot be read with JGit: " + e.getMessage());
    }
  }

  /** The files a workspace is read from: sources and buf's configuration. */
  private static boolean contract(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.endsWith(".proto") || name.equals("buf.yaml") || name.equals("buf.work.yaml") || name.equals("buf.lock");
  }

  private static String normalize(String subdirectory) {
    String sub = subdirectory == null ? "" : subdirectory.replace('\\', '/');
    while (sub.startsWith("./")) {
      sub = sub.substring(2);
    }
    sub = sub.replaceAll("/+$", "");
    return sub.equals(".") ? "" : sub;
  }

  private static Repository open(Path directory, String input) {
    FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
    Path start = directory.toAbsolutePath().normalize();
    if (Files.isRegularFile(start.resolve("HEAD")) && Files.isDirectory(start.resolve("objects"))) {
      builder.setGitDir(start.toFile());
    } else {
      builder.findGitDir(start.toFile());
    }
    if (builder.getGitDir() == null) {
      throw new HarnessInputException(input, "is not inside a git repository, so a ref cannot be resolved");
    }
    try {
      return builder.build();
    } catch (IOException | IllegalArgumentException e) {
      throw new HarnessInputException(input, "is not a readable git repository: " + e.getMessage());
    }
  }

  public static void delete(Path dir) {
    Protoc.deleteQuietly(dir);
  }
}
