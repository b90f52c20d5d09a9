def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))

h.rawFfiCrate(basedir, 'shared_target_demo')
return true
