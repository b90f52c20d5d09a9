def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))

// the raw-FFI module, its add() computed by the external C library
h.rawFfiCrate(basedir, 'graft_demo')
File lib = new File(basedir, 'src/lib.rs')
String source = lib.text
assert source.contains('PyLong_FromLong(a + b)'): 'the shared raw-FFI source changed; adapt this setup'
lib.text = source.replace('PyLong_FromLong(a + b)', 'PyLong_FromLong(ext_add(a, b))') +
        '\nextern "C" {\n    fn ext_add(a: c_long, b: c_long) -> c_long;\n}\n'
return true
