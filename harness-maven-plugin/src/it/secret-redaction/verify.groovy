def secret = 'opaque-khala-value-5z5z5z'
def log = new File(basedir, 'build.log').text
assert log.contains('[invariant-harness] com.example.KhalaGatesTest.tokenIsOnlyEverSentOverTheSocket failed')
assert !log.contains(secret) : 'the build log quotes the token'
def reports = new File(basedir, 'target/invariant-reports')
def evidence = []
reports.eachFileRecurse(groovy.io.FileType.FILES) { f ->
  assert !f.getText('UTF-8').contains(secret) : "${f} holds the token in clear"
  if (f.path.contains('evidence') && f.name.contains('handshake')) evidence << f
}
assert !evidence.isEmpty() : 'the evidence file is written (redacted), not dropped'
assert evidence.every { it.text.contains('/sync/socket/websocket') }
return true
