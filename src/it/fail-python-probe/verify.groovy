def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))

h.assertFailedWith('Cannot probe the Python interpreter', 'pythonExecutable')
h.assertPrebuiltIntact(basedir, 'probe_fail')
return true
