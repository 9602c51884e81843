def log = new File(basedir, 'build.log').text
def builds = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\./)
assert builds.size() == 3 : "two invocations expected, found ${builds.size() - 1}"
assert builds[1].contains('Invariant gate: GO') && builds[1].contains('BUILD SUCCESS')
def second = builds[2]
assert second =~ /Invariant gate: .*summary\.json was written by another build \(maven-\d+-\d+, run .*\), not by this one \(maven-\d+-\d+\): it is stale/
assert second.contains('-Dinvariant.harness.allowStaleReport=true')
assert !second.contains('Invariant gate: GO')
assert second.contains('BUILD FAILURE')
return true
