// after the filtered build: its report holds its own row only
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/invariant-reports/latest/summary.json'))
assert json.runId == 'build-42'
assert json.checks*.checkId == ['com.example.ControlGatesTest.noWorkflowAutomation']
return true
