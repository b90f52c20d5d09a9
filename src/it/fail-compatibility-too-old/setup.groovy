def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))

h.rawFfiCrate(basedir, 'too_old_demo')
return true
