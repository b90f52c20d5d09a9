def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))

h.rawFfiCrate(basedir, 'corrupt_demo')
h.prebuild(basedir, 'corrupt_demo')
File rustwheel = new File(basedir, 'target/rustwheel')
new File(rustwheel, 'staging').mkdirs()
new File(rustwheel, 'manifest.json').text = '{not json'
new File(rustwheel, 'staging/only-copy.so').bytes = ('\u007fELF not really, but nobody may delete it\n' * 64).getBytes('UTF-8')
new File(basedir, 'target/it-staging.sha256').text = h.sha256(new File(rustwheel, 'staging/only-copy.so'))
return true
