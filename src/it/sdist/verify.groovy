import java.nio.file.Files

def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))
def mvn = evaluate(new File(itDir, '_shared/maven.groovy'))

h.assertLogContains(h.buildLog(), 'BUILD SUCCESS')
File mixed = h.file('mixed')
File member = h.file('ws/py')
File mixedSdist = new File(mixed, 'target/wheels/sdmix-1.2.0.tar.gz')
File memberSdist = new File(member, 'target/wheels/ws_py-0.3.0.tar.gz')

// Python's tarfile reads the archive: names, and the header fields that make it reproducible
String describeTar = '''
import sys, tarfile
with tarfile.open(sys.argv[1]) as t:
    for m in t.getmembers():
        print(m.name, oct(m.mode), m.uid, m.gid, repr(m.uname), repr(m.gname), m.mtime, m.type.decode())
'''
Closure<List<String>> members = { File sdist -> h.run(['python3', '-c', describeTar, sdist.path], basedir).readLines() }
Closure<List<String>> names = { File sdist -> members(sdist).collect { it.split(' ')[0] } }

List<String> mixedFiles = ['PKG-INFO', 'Cargo.lock', 'Cargo.toml', 'LICENSE', 'README.md', 'assets/both.txt',
        'assets/sdist-only.txt', 'pom.xml', 'pyproject.toml', 'python/sdmix/__init__.py', 'python/sdmix/util.py',
        'src/lib.rs'].collect { 'sdmix-1.2.0/' + it }
assert names(mixedSdist) == mixedFiles: "the mixed sdist holds ${names(mixedSdist)}"
// the common directory of the workspace and the path dependency outside it: each keeps its relative path; pyproject.toml
// at the top; the workspace member nothing depends on (tool) left out
List<String> memberFiles = ['PKG-INFO', 'pyproject.toml', 'shared/Cargo.toml', 'shared/src/lib.rs', 'ws/Cargo.lock',
        'ws/Cargo.toml', 'ws/common/Cargo.toml', 'ws/common/src/lib.rs', 'ws/py/Cargo.toml', 'ws/py/README.md',
        'ws/py/pom.xml', 'ws/py/src/lib.rs'].collect { 'ws_py-0.3.0/' + it }
assert names(memberSdist) == memberFiles: "the member's sdist holds ${names(memberSdist)}"
members(mixedSdist).each { assert it.endsWith(" 0o644 0 0 '' '' 315532800 0"): "not a reproducible header: ${it}" }

Closure<String> entry = { File sdist, String path ->
    h.run(['python3', '-c', 'import sys, tarfile; print(tarfile.open(sys.argv[1]).extractfile(sys.argv[2]).read().decode(), end="")',
           sdist.path, path], basedir)
}
// the manifests as maturin rewrites them
assert entry(mixedSdist, 'sdmix-1.2.0/Cargo.toml').contains('[lib]')
assert entry(memberSdist, 'ws_py-0.3.0/ws/py/Cargo.toml').contains('edition.workspace = true\nreadme = "README.md"\n')
assert entry(memberSdist, 'ws_py-0.3.0/ws/py/Cargo.toml').contains('shared = { path = "../../shared" }')
assert entry(memberSdist, 'ws_py-0.3.0/ws/Cargo.toml').startsWith('[workspace]\nmembers = ["py", "common"]\nresolver = "2"\n')
assert entry(memberSdist, 'ws_py-0.3.0/pyproject.toml').endsWith('\n[tool]\n\n[tool.maturin]\nmanifest-path = "ws/py/Cargo.toml"\n')
// PKG-INFO: the core metadata, read by Python's email parser
String pkgInfo = entry(mixedSdist, 'sdmix-1.2.0/PKG-INFO')
String fields = h.run(['python3', '-c', '''
import email, sys
m = email.message_from_file(open(sys.argv[1], encoding="utf-8"))
print(m["Metadata-Version"], m["Name"], m["Version"], m["Summary"], m["License-Expression"], m["Requires-Python"],
      m["Description-Content-Type"], m.get_payload().strip().splitlines()[0], sep="|")
''', writeTemp(pkgInfo)], basedir).trim()
assert fields == '2.4|SdMix|1.2.0|A mixed project\'s source distribution|MIT|>=3.8|text/markdown; charset=UTF-8; variant=GFM|# SdMix':
        "PKG-INFO reads as ${fields}"

// reproducible: the same bytes from a second run
String first = h.sha256(mixedSdist)
mvn.succeed(['rustwheel:sdist'], mvn.log('sdist-again'), mixed)
assert h.sha256(mixedSdist) == first: 'a second sdist run gave other bytes'

// the version parameter, as package takes it: file name, PKG-INFO, and the pyproject.toml a build of the sdist reads
mvn.succeed(['rustwheel:sdist', '-Drustwheel.version=1.3.0-SNAPSHOT'], mvn.log('sdist-version'), mixed)
File versioned = new File(mixed, 'target/wheels/sdmix-1.3.0.dev0.tar.gz')
assert entry(versioned, 'sdmix-1.3.0.dev0/PKG-INFO').contains('\nVersion: 1.3.0.dev0\n')
assert entry(versioned, 'sdmix-1.3.0.dev0/pyproject.toml').contains('\nname = "SdMix"\nversion = "1.3.0.dev0"\n')
versioned.delete()

// attached: install put it into the repository beside the wheel
File repo = new File(localRepositoryPath as String, 'dev/rustwheel/it/sdist/mixed/1.0-SNAPSHOT')
assert new File(repo, 'mixed-1.0-SNAPSHOT-sdist.tar.gz').isFile(): "no sdist in ${repo}: ${repo.list()}"

// the unpacked sdists build into wheels pip installs and Python imports: by maturin where it can be had, else by the
// plugin with the POM each sdist carries
List<List> unpackedBuilds = [[mixedSdist, 'sdmix-1.2.0', '.', 'import sdmix; print(sdmix.add(2, 3), sdmix.double(4))', '5 8'],
        [memberSdist, 'ws_py-0.3.0', 'ws/py', 'import ws_py; print(ws_py.add(2, 3))', '5']]
Closure<File> unpack = { File sdist, String top ->
    File unpacked = h.file("target/unpacked-${top}")
    unpacked.mkdirs()
    h.run(['tar', 'xzf', sdist.path, '-C', unpacked.path], basedir)
    return new File(unpacked, top)
}
Closure<Void> assertWheelWorks = { File wheel, String code, String expected ->
    String python = h.installWheel(wheel)
    assert h.run([python, '-c', code], h.file('target')).trim() == expected
}

File maturinVenv = h.file('target/maturin-venv')
h.run(['python3', '-m', 'venv', maturinVenv.path], basedir)
String maturinPython = new File(maturinVenv, 'bin/python').path
def (int code, String out, String err) = h.exec([maturinPython, '-m', 'pip', 'install', '-q', '--retries', '0',
        'maturin==1.15.0'], basedir)
if (code != 0) {
    println "SKIPPED: maturin build of the unpacked sdists and the comparison with maturin sdist: maturin 1.15.0 cannot" +
            " be installed here (${err.readLines().find { it.contains('ERROR') }}); the plugin builds them instead"
    unpackedBuilds.each { File sdist, String top, String module, String call, String expected ->
        File project = new File(unpack(sdist, top), module)
        mvn.succeed(['package'], mvn.log("unpacked-${top}"), project)
        assertWheelWorks(new File(project, 'target/wheels').listFiles().find { it.name.endsWith('.whl') }, call, expected)
    }
    return true
}
File maturin = new File(maturinVenv, 'bin/maturin')

// maturin builds our sdists: their own [build-system], the rewritten manifests, the path dependency outside the workspace
unpackedBuilds.each { File sdist, String top, String module, String call, String expected ->
    File outDir = h.file("target/maturin-wheels-${top}")
    h.run([maturin.path, 'build', '--release', '-i', 'python3', '-o', outDir.path], unpack(sdist, top))
    File wheel = outDir.listFiles().find { it.name.endsWith('.whl') }
    assert wheel != null: "maturin build of our ${sdist.name} wrote ${outDir.list()}"
    assertWheelWorks(wheel, call, expected)
    println "maturin build of our ${sdist.name}: ${wheel.name}"
}

// maturin sdist of the same trees writes the same files, byte for byte, PKG-INFO included
[[mixedSdist, mixed, ['mixed']], [memberSdist, member, ['ws', 'shared']]].each { File ours, File crate, List<String> trees ->
    File copy = h.file("target/maturin-tree-${ours.name - '.tar.gz'}")
    copy.mkdirs()
    trees.each { String tree ->
        h.run(['cp', '-r', h.file(tree).path, new File(copy, tree).path], basedir)
        ['target', 'py/target'].each { new File(copy, "${tree}/${it}").deleteDir() }
    }
    File crateCopy = new File(copy, basedir.toPath().relativize(crate.toPath()).toString())
    File outDir = h.file("target/maturin-out-${ours.name}")  // outside the tree cargo lists
    h.run([maturin.path, 'sdist', '-o', outDir.path], crateCopy)
    File theirs = new File(outDir, ours.name)
    assert theirs.isFile(): "maturin wrote ${outDir.list()}, not ${ours.name}"
    assert names(theirs) == names(ours): "maturin's sdist holds ${names(theirs)}, ours ${names(ours)}"
    names(ours).each { String path ->
        assert entry(theirs, path) == entry(ours, path): "${path} differs from maturin's:\n${entry(theirs, path)}\n--- ours:\n${entry(ours, path)}"
    }
    println "maturin sdist ${ours.name}: the same ${names(ours).size()} files, byte for byte"
}
return true

String writeTemp(String text) {
    File f = File.createTempFile('pkg-info', '.txt')
    f.deleteOnExit()
    f.text = text
    return f.path
}
