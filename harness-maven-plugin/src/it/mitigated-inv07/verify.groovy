def log = new File(basedir, 'build.log').text
assert log.contains('[invariant-harness] com.example.ReplayGatesTest.resumeRedeliversExactlyTheFramesAfterTheCursor failed,'
    + ' recorded in the gate report without failing the build (mitigated): ')
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0') : 'Surefire must not fail on a mitigated finding'
assert log.contains('Invariant gate: GO')
assert log.contains('BUILD SUCCESS')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/invariant-reports/latest/summary.json'))
assert json.decision.verdict == 'GO'
assert !json.decision.warnings.isEmpty() : 'a mitigated failure is a warning'
def row = json.checks.find { it.checkId == 'com.example.ReplayGatesTest.resumeRedeliversExactlyTheFramesAfterTheCursor' }
assert row != null
assert row.status == 'mitigated'
assert row.reason.contains('resume redelivered seq 41 twice')
return true
