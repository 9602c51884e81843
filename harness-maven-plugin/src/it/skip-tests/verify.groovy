def log = new File(basedir, 'build.log').text
def builds = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\./)
assert builds.size() == 3 : "two invocations expected, found ${builds.size() - 1}"
assert builds[1].contains('Invariant gate: GO') && builds[1].contains('BUILD SUCCESS')
def skipped = builds[2]
assert skipped.contains('Tests are skipped.')
assert skipped.contains('Invariant gate: tests were skipped (-DskipTests), so this build made no gate decision')
assert skipped.contains('-Dinvariant.harness.skip=true')
assert !skipped.contains('Invariant gate: GO') : 'a build without tests must not print an earlier GO'
assert skipped.contains('BUILD FAILURE')
return true
