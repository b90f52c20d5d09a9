import java.nio.file.Files
import java.nio.file.StandardCopyOption

def thirdParty = new File(itSourceDir as String, '../test/resources/third-party')
def copy = { String from, File to ->
    to.parentFile.mkdirs()
    Files.copy(new File(thirdParty, from).toPath(), to.toPath(), StandardCopyOption.REPLACE_EXISTING)
}
copy('delocate/fakepkg1-1.0-cp36-abi3-macosx_10_9_universal2.whl', new File(basedir, 'fakepkg1-1.0-cp36-abi3-macosx_10_9_universal2.whl'))
copy('delvewheel/simpleext-0.0.1-cp312-cp312-win_amd64.whl', new File(basedir, 'simpleext-0.0.1-cp312-cp312-win_amd64.whl'))
copy('delvewheel/simpledll-x64.dll', new File(basedir, 'libs/simpledll.dll'))

// a Linux wheel built here with gcc for the python3 the ITs use: a CPython extension needing libbar.so.1, which
// only linuxlibs/ holds (as auditwheel's tests build theirs); repair must graft it
def h = evaluate(new File(itSourceDir as String, '_shared/helper.groovy'))
File linuxBuild = new File(basedir, 'linux-build')
linuxBuild.mkdirs()
new File(basedir, 'linuxlibs').mkdirs()
new File(linuxBuild, 'bar.c').text = 'int bar(int x) { return 2 * x; }\n'
h.run(['gcc', '-shared', '-fPIC', '-o', '../linuxlibs/libbar.so.1', '-Wl,-soname,libbar.so.1', 'bar.c'], linuxBuild)
new File(linuxBuild, 'linuxext.c').text = '''#include <Python.h>
int bar(int);
static PyObject *twice(PyObject *self, PyObject *arg) { return PyLong_FromLong(bar((int) PyLong_AsLong(arg))); }
static PyMethodDef methods[] = {{"twice", twice, METH_O, NULL}, {NULL, NULL, 0, NULL}};
static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "linuxext", NULL, -1, methods};
PyMODINIT_FUNC PyInit_linuxext(void) { return PyModule_Create(&module); }
'''
String include = h.run([h.python, '-c', 'import sysconfig; print(sysconfig.get_paths()["include"])'], linuxBuild).trim()
h.run(['gcc', '-shared', '-fPIC', '-I', include, '-o', 'linuxext.so', 'linuxext.c', '../linuxlibs/libbar.so.1',
       '-Wl,-rpath,/opt/build/lib'], linuxBuild)
new File(basedir, 'linuxwheel').mkdirs()
h.run([h.python, '-c', '''
import sys, zipfile, hashlib, base64
wheel, so, suffix, tag = sys.argv[1:5]
files = {'linuxext/__init__.py': b'from .linuxext import *\\n',
         'linuxext/linuxext' + suffix: open(so, 'rb').read(),
         'linuxext-1.0.dist-info/METADATA': b'Metadata-Version: 2.1\\nName: linuxext\\nVersion: 1.0\\n',
         'linuxext-1.0.dist-info/WHEEL': ('Wheel-Version: 1.0\\nGenerator: gcc\\nRoot-Is-Purelib: false\\nTag: %s\\n' % tag).encode()}
record = ''.join('%s,sha256=%s,%d\\n' % (n, base64.urlsafe_b64encode(hashlib.sha256(d).digest()).rstrip(b'=').decode(), len(d))
                 for n, d in files.items()) + 'linuxext-1.0.dist-info/RECORD,,\\n'
with zipfile.ZipFile(wheel, 'w') as z:
    for n, d in files.items():
        z.writestr(n, d)
    z.writestr('linuxext-1.0.dist-info/RECORD', record)
''', new File(basedir, "linuxwheel/linuxext-1.0-${h.TAG}.whl").path, new File(linuxBuild, 'linuxext.so').path, h.EXT_SUFFIX, h.TAG],
        basedir)
return true
