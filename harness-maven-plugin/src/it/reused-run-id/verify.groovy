def log = new File(basedir, 'build.log').text
def builds = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\./)
assert builds.size() == 4 : "three invocations expected, found ${builds.size() - 1}"
assert builds[1].contains('Invariant gate: GO (2 checks)')
assert builds[2].contains('Invariant gate: GO (1 checks) — partial run (-Dtest=ControlGatesTest)')
assert builds[3].contains('Invariant gate: GO (2 checks)')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/invariant-reports/latest/summary.json'))
assert json.checks*.checkId.sort() == ['com.example.ControlGatesTest.noWorkflowAutomation',
                                       'com.example.RuntimeGatesTest.noWorkflowAutomation']
return true
