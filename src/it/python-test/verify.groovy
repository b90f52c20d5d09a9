def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))

String module = 'pytest_demo'
List<String> runs = h.invocationLogs()
assert runs.size() == 8: "expected 8 Maven runs in build.log, found ${runs.size()}"

// 1. a failing test fails the build and is named
h.assertLogContains(runs[0], 'BUILD FAILURE', '1 of 1 tests failed: tests/failing/test_broken.py::test_adds_wrongly',
        'assert 4 == 5')
// the test goal gave cargo its output back before pytest ran, so the failure left nothing staged: the next build's
// compile found nothing to recover
int gaveBack = runs[0].indexOf("target/release/lib${module}.so back to cargo")
assert gaveBack >= 0 && gaveBack < runs[0].indexOf('test_adds_wrongly'): 'the failing test run did not give cargo its output back first'
assert !runs[1].contains('An earlier build left cargo outputs staged'): 'the failed test run left cargo output staged'

// 2. -DskipTests
h.assertLogContains(runs[1], 'BUILD SUCCESS', 'Tests are skipped (skipTests)')
assert !runs[1].contains('test_adds_wrongly')

// 3./4. no tests collected: reported; an error only when asked
h.assertLogContains(runs[2], 'BUILD SUCCESS', 'pytest collected no tests in', 'failIfNoTests')
h.assertLogContains(runs[3], 'BUILD FAILURE', 'pytest collected no tests in', 'and failIfNoTests is set')

// 5. a missing test directory: named, with the parameter and the fix, before any venv work
h.assertLogContains(runs[4], 'BUILD FAILURE', 'testDirectory ', 'tests/nowhere does not exist',
        'property rustwheel.testDirectory', '-DskipTests')
assert !runs[4].contains('Creating a fresh virtual environment')

// 6. requirements that do not bring pytest
h.assertLogContains(runs[5], 'BUILD FAILURE', 'pytest is not installed in the test environment',
        'testRequirements [packaging] do not bring it', 'Add pytest to testRequirements')

// 7. an interpreter that cannot make the venv
h.assertLogContains(runs[6], 'BUILD FAILURE', "cannot start Python interpreter '/nonexistent/python3.11'",
        'pythonExecutable (property rustwheel.pythonExecutable)')
h.assertCdylibClean(basedir, module)
// 8. the passing suite ran against the installed wheel; the JUnit XML names both tests
h.assertLogContains(runs[7], 'BUILD SUCCESS', 'rustwheel:', ':test (default-test)', '2 passed',
        'pytest: 2 tests passed')
File report = h.file('target/failsafe-reports/TEST-python-test-pytest.xml')
assert report.isFile(): "no JUnit XML report at ${report}"
def suite = new groovy.xml.XmlSlurper().parse(report)
List<String> cases = suite.'**'.findAll { it.name() == 'testcase' }.collect { "${it.@classname}::${it.@name}" as String }
assert cases.sort() == ['tests.passing.test_add::test_adds', 'tests.passing.test_add::test_is_the_installed_wheel']:
        "the report names ${cases}"
// the venv is fresh, under target/, and holds the wheel that was built
File venv = h.file('target/rustwheel/test-venv')
assert new File(venv, 'pyvenv.cfg').isFile(): "no test venv at ${venv}"
String installed = h.run([new File(venv, 'bin/python').path, '-c',
        'import importlib.metadata as m; print(m.version("pytest-demo"))'], basedir).trim()
assert installed == '0.4.0': "the test venv has pytest-demo ${installed}"
// the tests ran before finalize, and cargo got its output back afterwards
assert runs[7].indexOf(':test (default-test)') < runs[7].indexOf(':finalize (default-finalize)')
h.assertCdylibClean(basedir, module)

return true
