def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))

List<String> logs = h.invocationLogs()
String pyproject = new File(basedir, 'bad-requirement.toml').canonicalPath
List<List<String>> expected = [
        ["bad-requirement.toml: [project] dependencies holds an invalid dependency", 'python_versio', 'column'],
        ["bad-version.toml: [project] version = \"1.0-final\" is not a valid PEP 440 version"],
        // outside the project is allowed, as in maturin (a monorepo's ../python); missing is not
        ["python-source is set to '../outside', but the Python package", 'does not exist'],
        ["is a symbolic link to", 'outside the project directory', 'Copy the file into the project'],
        ["cffi bindings are not supported yet"],
]
assert logs.size() == expected.size(): "expected ${expected.size()} Maven runs, found ${logs.size()}"
logs.eachWithIndex { String log, int i ->
    assert log.contains('BUILD FAILURE'): "run ${i + 1} did not fail"
    expected[i].each { assert log.contains(it): "run ${i + 1} lacks \"${it}\"" }
    assert !log.contains('NullPointerException')
}
List<File> wheels = (new File(basedir, 'target/wheels').listFiles() ?: []).findAll { it.name.endsWith('.whl') }
assert wheels.isEmpty(): "a failed build left wheels: ${wheels}"
// every failure gave cargo its output back
assert new File(basedir, 'target/debug/libfail_pyproject.so').isFile(): "cargo's output is missing"
return true
