def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))

h.assertFailedWith('exports no PyInit_no_init')
// the cdylib was built in this build, then refused: cargo's path must hold it again, unmodified
h.assertCdylibClean(basedir, 'no_init')
return true
