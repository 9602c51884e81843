import groovy.json.JsonSlurper
def log = new File(basedir, 'build.log').text
def builds = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\./)
assert builds.size() == 3 : "two invocations expected, found ${builds.size() - 1}"
def first = builds[1]
assert first =~ /The forked VM terminated without properly saying goodbye|ExecutionException/ : 'Surefire notices the dead JVM'
assert first.contains('BUILD FAILURE')
def gate = builds[2]
assert gate =~ /Invariant gate NO-GO: the report is incomplete:\s+(\[ERROR\]\s+)?- test JVM pid \d+ ended without reporting \(killed or crashed\) while running com\.example\.CrashingGatesTest/
assert !gate.contains('Invariant gate: GO')
assert gate.contains('BUILD FAILURE')
// what the surviving JVM published is there, and never claims the crashed suite passed
def json = new JsonSlurper().parse(new File(basedir, 'target/invariant-reports/latest/summary.json'))
assert json.checks.find { it.checkId == 'com.example.RepositoryGatesTest.noWorkflowAutomation' }?.status == 'passed'
assert !json.checks.any { it.checkId.startsWith('com.example.CrashingGatesTest') && it.status == 'passed' }
// and the report itself now says it is incomplete: NO-GO with a row naming the dead JVM's class
assert json.decision.verdict == 'NO-GO'
assert json.checks.any { it.checkId.startsWith('harness-incomplete-run-') && it.reason.contains('com.example.CrashingGatesTest') }
return true
