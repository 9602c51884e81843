def log = new File(basedir, 'build.log').text
assert log =~ /Tests run: 1, Failures: \d, Errors: \d/ && !log.contains('Tests run: 1, Failures: 0, Errors: 0')
assert log.contains('invariant-mitigations.yaml') : 'the message names the file'
assert log.contains('the invariant gate cannot be judged')
assert log.contains('BUILD FAILURE')
return true
