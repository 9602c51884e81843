import groovy.json.JsonSlurper
def log = new File(basedir, 'build.log').text
def builds = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\./)
assert builds.size() == 4 : "three invocations expected, found ${builds.size() - 1}"
[1, 2].each { i ->
  def b = builds[i]
  assert b.contains('[invariant-harness] com.example.ControlGatesTest.authorityMutationsAreHttpOnly failed,'
      + ' recorded in the gate report without failing the build (baseline mode)') : "invocation ${i}: baseline records the failure"
  assert b =~ /\[WARNING\] Invariant gate NO-GO \(merge blocked.*baseline mode: the build never fails on invariant results/ : "invocation ${i}"
  assert b =~ /module-b \.+ SUCCESS/ : "invocation ${i}: module-b runs after module-a's failure"
  assert b.contains('BUILD SUCCESS') : "invocation ${i}"
}
def gating = builds[3]
assert gating.contains("phx_push 'run.cancel' changed the run's state")
assert gating =~ /module-b \.+ SKIPPED/
assert gating.contains('BUILD FAILURE')
// both modules' reports exist; module-a's is the gating run's NO-GO, module-b's the second baseline run's GO
def a = new JsonSlurper().parse(new File(basedir, 'module-a/target/invariant-reports/latest/summary.json'))
assert a.decision.verdict == 'NO-GO' && a.decision.mode == 'gating'
def b = new JsonSlurper().parse(new File(basedir, 'module-b/target/invariant-reports/latest/summary.json'))
assert b.decision.verdict == 'GO' && b.decision.mode == 'baseline'
return true
