def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))

h.rawFfiCrate(basedir, 'fail_pyproject')
// a directory inside the project that is really a link to one outside it
File outside = new File(basedir.parentFile, 'fail-pyproject-outside')
outside.mkdirs()
new File(outside, 'secret.txt').text = 'must not ship\n'
java.nio.file.Files.createSymbolicLink(new File(basedir, 'linked').toPath(), outside.toPath())
return true
