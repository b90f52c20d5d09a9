def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))

h.rawFfiCrate(basedir, 'fail_pyproject')
// a directory inside the project that is really a link to one outside it
File outside = new File(basedir.parentFile, 'fail-pyproject-outside')
outside.mkdirs()
new File(outside, 'secret.txt').text = 'must not ship\n'
java.nio.file.Files.createSymbolicLink(new File(basedir, 'linked').toPath(), outside.toPath())
// a real interpreter without cffi: a venv that sees only its own (empty) site-packages
def venv = ['python3', '-m', 'venv', '--without-pip', new File(basedir, 'nocffi').path].execute()
venv.waitForProcessOutput(System.out, System.err)
assert venv.exitValue() == 0: 'python3 cannot make a venv'
return true
