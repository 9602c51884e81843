def log = new File(basedir, 'build.log').text
def builds = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\./)
assert builds.size() == 3 : "two invocations expected, found ${builds.size() - 1}"
[1, 2].each { i ->
  def b = builds[i]
  assert b.contains("configuration key 'invariant.harness.fail-on-required-failure'") : "invocation ${i} names the key"
  assert b.contains('FAIL_ON_REQUIRED_FAILURE') : "invocation ${i} names the variable"
  assert b.contains("'ture' is not a boolean") : "invocation ${i} names the value"
  assert !b.contains('Invariant gate: GO') : "invocation ${i}"
  assert b.contains('BUILD FAILURE') : "invocation ${i}"
}
// the run's report is written all the same, and records the problem as a blocking row
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/invariant-reports/latest/summary.json'))
assert json.decision.verdict == 'NO-GO'
def row = json.checks.find { it.checkId == 'harness-configuration' }
assert row != null && row.required && row.status == 'failed'
assert row.reason.contains("'ture' is not a boolean")
return true
