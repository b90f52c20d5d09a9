def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))

List<String> logs = h.invocationLogs()
assert logs.size() == 2: "expected 2 Maven runs, found ${logs.size()}"
String cafe = new File(basedir, 'native/café').path.replace('é', '\\xc3\\xa9')
List<List<String>> expected = [
        ["cafe.whl!/cafe/libcafe.so: its DT_RUNPATH entry '${cafe}' cannot be a path under this JVM's file name encoding",
         'Run Maven under a UTF-8 locale (for example LC_ALL=C.UTF-8)'],
        ['Cannot audit bomb.whl!/bomb/libbomb.so: version need 1 (libc.so.6) declares 65535 versions, more than the file'],
]
logs.eachWithIndex { String log, int i ->
    assert log.contains('BUILD FAILURE'): "run ${i + 1} did not fail"
    expected[i].each { assert log.contains(it as String): "run ${i + 1} lacks \"${it}\":\n${log}" }
    ['InvalidPathException', 'OutOfMemoryError', 'Malformed input', 'NullPointerException'].each {
        assert !log.contains(it): "run ${i + 1} failed untyped (${it})"
    }
    // Maven's own clock: the hostile file costs seconds, not minutes
    def time = (log =~ /Total time:\s+([0-9.]+) s/)
    assert time.find() && (time.group(1) as double) < 20: "run ${i + 1} took too long or printed no time"
}
return true
