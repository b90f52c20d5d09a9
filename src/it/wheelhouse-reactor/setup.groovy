def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))

h.rawFfiCrate(new File(basedir, 'ffi'), 'wh_ffi')
h.rawFfiCrate(new File(basedir, 'app'), 'wh_app')
return true
