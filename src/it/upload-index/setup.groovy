// the recording index: a Python server on 127.0.0.1 (src/it/_shared/index_server.py), stopped by verify.groovy
def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))
h.rawFfiCrate(basedir, 'upload_demo')

File records = new File(basedir, 'target/index')
records.deleteDir()
records.mkdirs()
Process server = new ProcessBuilder(pythonExecutable as String, new File(itDir, '_shared/index_server.py').path,
        records.path, 'it-uploader', 'it-Pa55-w0rd-never-logged')
        .redirectOutput(new File(records.parentFile, 'index.out')).redirectErrorStream(true).start()
new File(records.parentFile, 'index.pid').text = server.pid().toString()
File port = new File(records, 'port')
for (int i = 0; i < 100 && !port.isFile(); i++) {
    Thread.sleep(100)
}
assert port.isFile(): "the recording index did not start: ${new File(records.parentFile, 'index.out').text}"
File pom = new File(basedir, 'pom.xml')
pom.text = pom.text.replace('INDEX_PORT', port.text.trim())
return true
