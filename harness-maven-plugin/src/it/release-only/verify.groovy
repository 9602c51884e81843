def log = new File(basedir, 'build.log').text
def builds = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\./)
assert builds.size() == 3 : "two invocations expected, found ${builds.size() - 1}"
def merge = builds[1]
assert merge.contains('[invariant-harness] com.example.MigrationGatesTest.migrationsAreAppliedInOrder failed,'
    + ' recorded in the gate report without failing the build (blocks release promotion only; this build decides the merge gate)')
assert merge.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
assert merge =~ /\[WARNING\] Invariant gate NO-GO \(release promotion blocked.*does not block the merge gate/
assert merge.contains('BUILD SUCCESS')
def release = builds[2]
assert release.contains('Tests run: 1, Failures: 1')
assert release.contains('edited after it was applied in staging')
assert release.contains('BUILD FAILURE')
return true
