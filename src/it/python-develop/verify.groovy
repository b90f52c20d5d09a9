def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))
def mvn = evaluate(new File(itDir, '_shared/maven.groovy'))

File venv = h.file('target/dev-venv')
String python = new File(venv, 'bin/python').path
Closure<String> py = { String code -> h.run([python, '-c', code], h.file('target')).trim() }

// 1. develop created the venv and installed the project: the native module imports, the distribution is registered
h.assertLogContains(h.buildLog(), 'BUILD SUCCESS', 'Creating the virtual environment', '--profile=dev',
        'Editable: dev_demo is used from ' + h.file('python/dev_demo').canonicalPath)
assert new File(venv, 'pyvenv.cfg').isFile(): "develop did not create ${venv}"
assert py('import dev_demo; print(dev_demo.add(2, 40), dev_demo.greet())') == '42 hello'
assert py('import importlib.metadata as m; print(m.version("dev-demo"))') == '0.7.0'
// the Python package is the project's; the native module is in site-packages; nothing was written into the sources
assert py('import dev_demo; print(dev_demo.__file__)') == h.file('python/dev_demo/__init__.py').canonicalPath
assert py('import dev_demo.dev_native as n; print(n.__file__)').contains('/site-packages/dev_demo/dev_native.cpython-')
assert !h.file('python/dev_demo').list().any { it.endsWith('.so') }: "develop wrote into the sources: ${h.file('python/dev_demo').list()}"
// the dev profile's output, given back to cargo clean
File so = h.file('target/debug/libdev_native.so')
assert so.isFile(): "cargo's ${so} is missing after develop"
assert h.sha256(so) == h.sha256(h.file('target/debug/deps/libdev_native.so'))

// 2. a Python edit is live without develop
h.file('python/dev_demo/helper.py').text = 'def greet():\n    return "edited"\n'
assert py('import dev_demo; print(dev_demo.greet())') == 'edited'
// a new module too
h.file('python/dev_demo/extra.py').text = 'VALUE = 7\n'
assert py('import dev_demo.extra; print(dev_demo.extra.VALUE)') == '7'

// 3. a Rust edit is live after develop again
File lib = h.file('src/lib.rs')
assert lib.text.contains('PyLong_FromLong(a + b)')
lib.text = lib.text.replace('PyLong_FromLong(a + b)', 'PyLong_FromLong(a + b + 1000)')
// (with the version parameter, as package and sdist take it)
mvn.succeed(['rustwheel:develop', '-Drustwheel.venv=target/dev-venv', '-Drustwheel.version=0.8.0-SNAPSHOT'],
        mvn.log('develop-2'))
assert !mvn.log('develop-2').text.contains('Creating the virtual environment'): 'develop made the existing venv anew'
assert py('import dev_demo; print(dev_demo.add(2, 40), dev_demo.greet())') == '1042 edited'
assert py('import importlib.metadata as m; print(m.version("dev-demo"))') == '0.8.0.dev0'
assert h.sha256(so) == h.sha256(h.file('target/debug/deps/libdev_native.so'))

// 4. a venv that cannot be created (its path runs through a file): named with its property and the fix, before cargo
// runs; cargo's output untouched
String clean = h.sha256(so)
File badLog = mvn.log('develop-bad-venv')
assert mvn.run(['rustwheel:develop', '-Drustwheel.venv=pom.xml/venv'], badLog) != 0
h.assertLogContains(badLog.text, 'BUILD FAILURE', 'venv (property rustwheel.venv) is ', 'pom.xml/venv',
        'pom.xml is a file, not a directory', 'Point venv at')
assert !badLog.text.contains('--profile=dev'): "cargo ran before the venv was checked, see ${badLog}"
assert h.sha256(so) == clean: "the failed develop changed cargo's ${so}"
// and a missing interpreter to create one with
File noPythonLog = mvn.log('develop-no-python')
assert mvn.run(['rustwheel:develop', '-Drustwheel.venv=target/other-venv',
                '-Drustwheel.pythonExecutable=/nonexistent/python3'], noPythonLog) != 0
h.assertLogContains(noPythonLog.text, 'BUILD FAILURE', "'/nonexistent/python3'", 'rustwheel.pythonExecutable',
        'rustwheel.venv')
assert !noPythonLog.text.contains('--profile=dev'): "cargo ran before the interpreter was checked, see ${noPythonLog}"
assert h.sha256(so) == clean: "the failed develop changed cargo's ${so}"

// 5. pip uninstalls it completely
h.run([python, '-m', 'pip', 'uninstall', '--yes', 'dev-demo'], basedir)
def (int code, String out, String err) = h.exec([python, '-c', 'import dev_demo.dev_native'], h.file('target'))
assert code != 0: "dev_demo still imports after pip uninstall: ${out}"
assert py('import importlib.util; print(importlib.util.find_spec("_rustwheel_editable_dev_demo"))') == 'None'
return true
