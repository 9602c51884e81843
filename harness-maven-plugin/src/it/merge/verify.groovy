import groovy.json.JsonSlurper
def log = new File(basedir, 'build.log').text
def builds = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\./)
assert builds.size() == 4 : "three invocations expected, found ${builds.size() - 1}"
def first = builds[1]
assert first.contains('recorded in the gate report without failing the build (mitigated)')
assert first =~ /Invariant gate: GO with 1 warning\(s\) \(1 checks\)/ : 'module-a: GO with the mitigation as a warning'
assert first =~ /Invariant gate: GO \(1 checks\)/ : 'module-b: GO'
assert first =~ /Merged 2 gate report\(s\): GO/ : 'the merged decision equals the modules\''
assert first.contains('BUILD SUCCESS')
def second = builds[2]
assert second.contains('recorded in the gate report without failing the build (baseline mode)')
assert second =~ /Merged 2 gate report\(s\): NO-GO \(merge blocked/
assert second.contains('BUILD SUCCESS') : 'baseline mode from the environment holds for the merge too'
def third = builds[3]
assert third =~ /Invariant gate NO-GO \(merge blocked.*\)/
assert third.contains('BUILD FAILURE')
def merged = new JsonSlurper().parse(new File(basedir, 'target/invariant-reports-merged/latest/summary.json'))
assert merged.decision.verdict == 'NO-GO' && merged.decision.mode == 'gating'
assert merged.checks*.checkId.toSet() == ['com.example.ReplayGatesTest.resumeRedeliversExactlyTheFramesAfterTheCursor',
                                          'com.example.RepositoryGatesTest.noWorkflowAutomation'] as Set
return true
