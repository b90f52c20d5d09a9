def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))

h.rawFfiCrate(basedir, 'probe_fail')
h.prebuild(basedir, 'probe_fail')
return true
