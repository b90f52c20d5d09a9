def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))

h.rawFfiCrate(new File(basedir, 'mixed'), 'sdmix_native')
h.rawFfiCrate(new File(basedir, 'ws/py'), 'ws_py')
return true
