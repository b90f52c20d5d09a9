def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))

h.rawFfiCrate(new File(basedir, 'alpha'), 'alpha')
h.rawFfiCrate(new File(basedir, 'beta'), 'beta')
return true
