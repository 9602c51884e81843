// The quick start runs its suite, writes a report of this build and says GO.
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0') : 'Surefire must run both quick-start checks'
assert log.contains('[invariant-harness] GO') : 'the test run must print the GO decision'
assert log.contains('Invariant gate: GO') : 'the check goal must judge this build\'s report'
assert log.contains('BUILD SUCCESS')
def summary = new File(basedir, 'target/invariant-reports/latest/summary.json')
assert summary.isFile() : "no report at ${summary}"
def json = new groovy.json.JsonSlurper().parse(summary)
assert json.checks.size() == 2
assert json.checks*.checkId.toSet() == ['com.example.RepositoryGatesTest.noWorkflowAutomation',
                                         'com.example.RepositoryGatesTest.noSseOrPollingLanes'] as Set
assert json.checks*.status.toSet() == ['passed'] as Set
// the report is readable by other users (CI artifact collectors, a web server)
def dir = summary.parentFile.toPath().toRealPath()
if (java.nio.file.Files.getFileStore(dir).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView)) {
  assert java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(dir)) == 'rwxr-xr-x'
  assert java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(dir.resolve('summary.json'))) == 'rw-r--r--'
}
return true
