def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))
def s = evaluate(new File(itDir, '_shared/standards.groovy'))
def audit = evaluate(new File(itDir, '_shared/audit.groovy'))

List<String> logs = h.invocationLogs()
assert logs.size() == 3: "expected three Maven runs, found ${logs.size()}"
logs.each { h.assertLogContains(it, 'BUILD SUCCESS') }

String dist = 'mixed_pkg-0.4.0rc1'
String distInfo = "${dist}.dist-info"
String ext = 'mixpkg/_native' + h.EXT_SUFFIX

// ---- two consecutive builds of the same inputs: the same bytes
File wheel = h.singleWheel("${dist}-${h.INTERPRETER}-${h.INTERPRETER}-${audit.platformTag(h.cdylib(basedir, '_native'))}.whl")
File firstWheel = new File(basedir, "target/wheels-first/${wheel.name}")
assert firstWheel.isFile(): "the first build left no ${firstWheel}"
assert h.sha256(firstWheel) == h.sha256(wheel): 'two builds of the same inputs gave different wheels'

// ---- the layout maturin gives this project (python-source, dotted module-name, include/exclude, .pyi)
List<String> names = s.entryNames(wheel)
s.assertArchiveOrder(names, distInfo)
assert names == ['assets/data.txt', 'mixpkg/__init__.py', ext, 'mixpkg/_native.pyi', 'mixpkg/cli.py',
                 "${distInfo}/METADATA", "${distInfo}/WHEEL", "${distInfo}/entry_points.txt",
                 "${distInfo}/licenses/LICENSE", "${distInfo}/sboms/mixed-native.cyclonedx.json",
                 "${distInfo}/RECORD"].collect { it as String }.toSorted { a, b ->
    (a.startsWith(distInfo) <=> b.startsWith(distInfo)) ?: (a.endsWith('/RECORD') <=> b.endsWith('/RECORD')) ?: a <=> b
}: "wheel entries ${names}"
Map<String, byte[]> entries = h.readZip(wheel)
h.checkRecord(entries, "${distInfo}/RECORD")
Map<String, String> modes = s.modes(h, wheel)
assert modes[ext] == '0o755' && modes['mixpkg/cli.py'] == '0o644': "entry modes ${modes}"

// ---- METADATA: every declared field, as maturin writes it
String metadata = new String(entries["${distInfo}/METADATA" as String], 'UTF-8')
Map<String, List<String>> m = h.headers(metadata)
Map<String, List<String>> expected = [
        'Metadata-Version'  : ['2.4'],
        'Name'              : ['Mixed.Pkg'],
        'Version'           : ['0.4.0rc1'],
        'Summary'           : ['A mixed maturin layout built by Maven'],
        'Description-Content-Type': ['text/markdown; charset=UTF-8; variant=GFM'],
        'Keywords'          : ['rust,maven'],
        'Author'            : ['Bob'],
        'Author-email'      : ['Jane Doe <jane@example.org>'],
        'License-Expression': ['MIT'],
        'License-File'      : ['LICENSE'],
        'Classifier'        : ['Programming Language :: Rust', 'Operating System :: POSIX :: Linux'],
        'Requires-Dist'     : ["attrs>=20 ; python_version >= '3.8'", "pytest>=7 ; extra == 'dev-tools'"],
        'Requires-Python'   : ['>=3.8'],
        'Project-URL'       : ['Repository, https://example.org/mixed'],
        'Provides-Extra'    : ['dev-tools'],
]
expected.each { k, v -> assert m[k] == v: "METADATA ${k}: ${m[k]}, expected ${v}\n${metadata}" }
assert metadata.endsWith('\n\n# Mixed.Pkg\n\nA *mixed* project.\n\n'): "METADATA body is not the README:\n${metadata}"
String entryPoints = new String(entries["${distInfo}/entry_points.txt" as String], 'UTF-8')
assert entryPoints == '[console_scripts]\nmix-hello=mixpkg.cli:main\n[mixpkg.plugins]\nnative=mixpkg._native\n':
        "entry_points.txt:\n${entryPoints}"

// ---- pip installs it; import, the console script and importlib.metadata work; PyPA's packaging validates it
String py = h.installWheel(wheel)
File venvBin = new File(py).parentFile
String out = h.run([new File(venvBin, 'mix-hello').absolutePath], basedir).trim()
assert out == 'mix-hello 5': "mix-hello printed '${out}'"
String code = '''\
import importlib.metadata as md, mixpkg, mixpkg._native as n
print(mixpkg.add(40, 2), n.__file__.endswith('_native''' + h.EXT_SUFFIX + ''''))
meta = md.metadata('mixed-pkg')
print(meta['Name'], meta['Version'], meta['Summary'], meta['License-Expression'], meta['Requires-Python'])
print(*md.requires('mixed-pkg'), sep=chr(10))
print([ep.value for ep in md.entry_points(group='mixpkg.plugins')])
print(sorted(f.name for f in md.files('mixed-pkg') if 'licenses' in str(f)))
'''
List<String> lines = h.run([py, '-c', code], new File(basedir, 'target'), ['PYTHONDONTWRITEBYTECODE': '1']).readLines()
assert lines == ['42 True',
                 'Mixed.Pkg 0.4.0rc1 A mixed maturin layout built by Maven MIT >=3.8',
                 "attrs>=20 ; python_version >= '3.8'",
                 "pytest>=7 ; extra == 'dev-tools'",
                 "['mixpkg._native']",
                 "['LICENSE']"]: "python printed ${lines}"
s.validateMetadata(h, py, wheel, distInfo)

// ---- bindings = bin: the executable is the wheel's script, next to the same Python package
File binDir = new File(basedir, 'target/wheels-bin')
List<String> binWheels = (binDir.listFiles() ?: []).findAll { it.name.endsWith('.whl') }*.name
String binPlatform = audit.platformTag(new File(basedir, 'target/release/mix-tool'))
assert binWheels == ["${dist}-py3-none-${binPlatform}.whl" as String]: "wheels in ${binDir}: ${binWheels}"
File binWheel = new File(binDir, binWheels[0])
String script = "${dist}.data/scripts/mix-tool"
List<String> binNames = s.entryNames(binWheel)
s.assertArchiveOrder(binNames, distInfo)
assert binNames.findAll { !it.startsWith(distInfo) } == ['assets/data.txt', script, 'mixpkg/__init__.py',
        'mixpkg/_native.pyi', 'mixpkg/cli.py']: "bin wheel entries ${binNames}"
assert s.modes(h, binWheel)[script] == '0o755': 'the executable is not stored with mode 0755'
// the same venv (a fresh one costs seconds): the bin wheel replaces the extension wheel of the same project
h.run([py, '-m', 'pip', 'install', '--no-index', '--no-deps', '--force-reinstall', '--disable-pip-version-check',
       '--no-cache-dir', binWheel.absolutePath], basedir)
String said = h.run([new File(venvBin, 'mix-tool').absolutePath], basedir).trim()
assert said == 'mix-tool says hi': "mix-tool printed '${said}'"
return true
