package dev.invariantharness.proto.internal;

/**
 * One module of a workspace.
 *
 * @param directory the module root relative to the input directory ("." for the input itself)
 * @param version the buf.yaml version the configuration came from (v1 or v2)
 * @param lint the lint configuration
 * @param breaking the breaking configuration
 */
public record ModuleConfig(String directory, String version, CheckConfig lint, CheckConfig breaking) {

  /** {@code name} (module-relative) as buf prints it. */
  public String display(String name) {
    return directory.equals(".") ? name : directory + "/" + name;
  }
}
