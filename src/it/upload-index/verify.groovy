def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))
def audit = evaluate(new File(itDir, '_shared/audit.groovy'))

String password = 'it-Pa55-w0rd-never-logged'
File records = h.file('target/index')
try {
    List<String> runs = h.invocationLogs()
    assert runs.size() == 6: "expected 6 Maven runs in build.log, found ${runs.size()}"

    // version = ${project.version}: the POM's 2.1.0-SNAPSHOT is the wheel's 2.1.0.dev0, in its name and METADATA
    String module = 'upload_demo'
    File wheel = h.singleWheel("upload_demo-2.1.0.dev0-${audit.fileTag(h.cdylib(basedir, module))}.whl")
    h.checkWheel(wheel, 'upload_demo', '2.1.0.dev0', module, audit.wheelTags(h.cdylib(basedir, module)))
    assert !runs[0].contains('differs from the POM'): 'a configured version must not warn about differing versions'

    // 1: uploaded; 2: the index's own refusal, with the fix; 3: the same answer is a log line with skipExisting
    h.assertLogContains(runs[0], "Uploading ${wheel.name} to http://127.0.0.1:", "as server 'it-index'",
            "Uploaded ${wheel.name}", 'BUILD SUCCESS')
    h.assertLogContains(runs[1], 'BUILD FAILURE', "refused ${wheel.name} (HTTP 400)", 'File already exists',
            'rustwheel.skipExisting')
    h.assertLogContains(runs[2], 'BUILD SUCCESS', "Skipping ${wheel.name}: the index already has it")
    // 4, 5: refused before anything is read or sent, naming the parameter, the value and the fix
    h.assertLogContains(runs[3], 'BUILD FAILURE', "names server 'no-such-server'", 'settings.xml has no <server>')
    h.assertLogContains(runs[4], 'BUILD FAILURE', "'ftp://127.0.0.1/legacy/' is not an http:// or https:// URL")
    // 6: the wheel packaging binds upload to deploy, where it does nothing without repositoryUrl
    h.assertLogContains(runs[5], ':upload (default-upload) @ upload-index', 'No repositoryUrl', 'BUILD SUCCESS')
    assert !h.buildLog().contains(password): 'the password is in build.log'

    // one request per upload, none repeated: runs 1 to 3 sent the wheel once each, runs 4 to 6 nothing
    List<File> bodies = records.listFiles().findAll { it.name.endsWith('.body') }.sort()
    assert bodies.size() == 3: "the index received ${bodies*.name}"

    // the first request, read by Python's email parser: twine's fields, the digests of the wheel, the wheel itself
    String check = '''
import base64, email.parser, hashlib, json, sys
headers = json.load(open(sys.argv[1] + ".headers"))
body = open(sys.argv[1] + ".body", "rb").read()
message = email.parser.BytesParser().parsebytes(b"Content-Type: " + headers["content-type"].encode() + b"\\r\\n\\r\\n" + body)
fields = {}
for part in message.get_payload():
    fields.setdefault(part.get_param("name", header="content-disposition"), []).append(part)
wheel = open(sys.argv[2], "rb").read()
def value(name):
    (part,) = fields[name]
    return part.get_payload(decode=True).decode()
assert headers["authorization"] == "Basic " + base64.b64encode(sys.argv[3].encode()).decode(), headers["authorization"]
expected = {":action": "file_upload", "protocol_version": "1", "name": "upload-demo", "version": "2.1.0.dev0",
            "filetype": "bdist_wheel", "pyversion": "cp311", "metadata_version": "2.4",
            "sha256_digest": hashlib.sha256(wheel).hexdigest(), "md5_digest": hashlib.md5(wheel).hexdigest(),
            "blake2_256_digest": hashlib.blake2b(wheel, digest_size=32).hexdigest()}
for name, want in expected.items():
    assert value(name) == want, (name, value(name), want)
(content,) = fields["content"]
assert content.get_filename() == sys.argv[4], content.get_filename()
assert content.get_content_type() == "application/octet-stream"
assert content.get_payload(decode=True) == wheel, "the uploaded bytes are not the wheel"
print("ok")
'''
    String first = bodies[0].path.replace('.body', '')
    String out = h.run([pythonExecutable as String, '-c', check, first, wheel.path, "it-uploader:${password}" as String,
                        wheel.name], basedir)
    assert out.trim() == 'ok': out

    // the request the unit tests compare ours with, recorded from Debian's twine, is still what twine sends
    File fixtures = new File(itDir, '../test/resources/dev/rustwheel/index')
    File fixture = new File(fixtures, 'demo_upload-1.2.0-cp311-cp311-manylinux_2_17_x86_64.whl')
    if (h.exec(['twine', '--version'], basedir)[0] != 0) {
        println 'SKIPPED the live twine comparison: twine is not installed (apt-get install twine)'
    } else {
        String url = "http://127.0.0.1:${new File(records, 'port').text.trim()}/legacy/"
        h.run(['twine', 'upload', '--disable-progress-bar', '--non-interactive', '--repository-url', url,
               '-u', 'it-uploader', '-p', password, fixture.path], basedir)
        String compare = '''
import email.parser, json, sys
def fields(headers, body):
    message = email.parser.BytesParser().parsebytes(b"Content-Type: " + headers.encode() + b"\\r\\n\\r\\n" + body)
    return [(p.get_param("name", header="content-disposition"), p.get_filename(), p.get_payload(decode=True))
            for p in message.get_payload()]
recorded = open(sys.argv[2], "rb").read()
boundary = recorded[2:recorded.index(b"\\r\\n")].decode()
live_headers = json.load(open(sys.argv[1] + ".headers"))["content-type"]
live = fields(live_headers, open(sys.argv[1] + ".body", "rb").read())
kept = fields("multipart/form-data; boundary=" + boundary, recorded)
assert live == kept, [(a, b) for a, b in zip(live, kept) if a != b] or (len(live), len(kept))
print("ok")
'''
        List<File> all = records.listFiles().findAll { it.name.endsWith('.body') }.sort()
        String same = h.run([pythonExecutable as String, '-c', compare, all.last().path.replace('.body', ''),
                             new File(fixtures, 'twine-4.0.2-upload.multipart').path], basedir)
        assert same.trim() == 'ok': same
    }
} finally {
    File pid = h.file('target/index.pid')
    if (pid.isFile()) {
        ProcessHandle.of(pid.text.trim() as long).ifPresent { it.destroy() }
    }
}
return true
