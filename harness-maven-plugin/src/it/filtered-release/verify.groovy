def log = new File(basedir, 'build.log').text
def builds = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\./)
assert builds.size() == 4 : "three invocations expected, found ${builds.size() - 1}"
def filter = '-Dtest=LiveSyncGatesTest#liveSyncIsWebSocketOnly+noWorkflowAutomation'
def release = builds[1]
assert release.contains('Tests run: 2, Failures: 0')
assert release.contains("Invariant gate: a filtered run (${filter}) judged 2 checks; the release gate needs the whole suite")
assert release.contains('-Dinvariant.harness.allowPartialRun=true')
assert release.contains('BUILD FAILURE')
def merge = builds[2]
assert merge.contains("Invariant gate: GO (2 checks) — partial run (${filter}): 2 checks")
assert merge.contains('BUILD SUCCESS')
def allowed = builds[3]
assert allowed.contains("partial run (${filter})")
assert allowed.contains('BUILD SUCCESS')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/invariant-reports/latest/summary.json'))
assert json.checks*.checkId.toSet() == ['com.example.LiveSyncGatesTest.liveSyncIsWebSocketOnly',
                                        'com.example.LiveSyncGatesTest.noWorkflowAutomation'] as Set
return true
