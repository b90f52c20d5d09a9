def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))

List<String> runs = h.invocationLogs()
assert runs.size() == 3: "expected 3 Maven runs in build.log, found ${runs.size()}"

// 1 and 2: refused before cargo ran, naming the parameter, the value and the fix
h.assertLogContains(runs[0], 'BUILD FAILURE', "parameter target (property rustwheel.target, set by -Drustwheel.target"
        + " on the command line) = 'windows' is not a Rust target triple", 'x86_64-pc-windows-msvc')
h.assertLogContains(runs[1], 'BUILD FAILURE', "= 'aarch64-apple-darwin': /usr/bin/rustc (sysroot /usr) has no standard"
        + " library for it", 'rustup target add aarch64-apple-darwin')
[runs[0], runs[1]].each { run ->
    assert !run.contains('cargo build') && !run.contains('cargo metadata'): "cargo ran for a refused target:\n${run}"
}

// 3: cargo built under target/<triple>/release; the wheel is tagged from the PE binary, not from this Linux host
h.assertLogContains(runs[2], 'BUILD SUCCESS', '--target x86_64-pc-windows-gnu')
String tag = "${h.INTERPRETER}-${h.INTERPRETER}-win_amd64"
File wheel = h.singleWheel("cross_win-0.1.0-${tag}.whl")
Map<String, byte[]> entries = h.readZip(wheel)
String distInfo = 'cross_win-0.1.0.dist-info'
h.checkRecord(entries, "${distInfo}/RECORD" as String)
assert new String(entries["${distInfo}/WHEEL" as String], 'UTF-8').contains("Tag: ${tag}\n"): 'WHEEL lacks the win_amd64 tag'
String pyd = "cross_win/cross_win.${h.INTERPRETER}-win_amd64.pyd"
List<String> dlls = entries.keySet().findAll { it ==~ /cross_win\/helper-[0-9a-f]+\.dll/ } as List<String>
assert entries.containsKey(pyd) && dlls.size() == 1: "expected ${pyd} and one mangled helper DLL beside it: ${entries.keySet()}"
assert !entries.keySet().any { it.endsWith('/helper.dll') || it == 'helper.dll' }: 'the DLL kept its own name'

// pefile, not our reader: an amd64 image exporting PyInit_cross_win that imports the bundled DLL by its new name
File out = new File(basedir, 'unpacked')
entries.each { name, bytes -> File f = new File(out, name); f.parentFile.mkdirs(); f.bytes = bytes }
String dll = dlls[0].substring('cross_win/'.length())
String checked = h.run(['/usr/bin/python3', '-c', '''
import sys, pefile
pe = pefile.PE(sys.argv[1])
assert pe.FILE_HEADER.Machine == pefile.MACHINE_TYPE['IMAGE_FILE_MACHINE_AMD64'], hex(pe.FILE_HEADER.Machine)
exports = [e.name.decode() for e in pe.DIRECTORY_ENTRY_EXPORT.symbols if e.name]
imports = [d.dll.decode() for d in pe.DIRECTORY_ENTRY_IMPORT]
assert 'PyInit_cross_win' in exports and 'answer' in exports, exports
assert sys.argv[2] in imports and 'helper.dll' not in imports, imports
assert pe.verify_checksum() or pe.OPTIONAL_HEADER.CheckSum == 0, 'stale checksum'
print('pefile ok', imports)
''', new File(out, pyd).path, dll], basedir)
assert checked.contains('pefile ok'): checked

// wine runs it: the module loads through its renamed import, found beside it in the module's directory
String wine = ['/usr/lib/wine/wine64', 'wine64', 'wine'].find { w -> h.exec(['sh', '-c', "command -v ${w}"], basedir)[0] == 0 }
assert wine != null: 'wine64 is missing: .ci/run installs it'
def (int code, String stdout, String stderr) = h.exec(['env', 'WINEDEBUG=-all', wine, new File(basedir, 'load.exe').path,
        new File(out, pyd).path], basedir)
assert code == 0 && stdout.contains('answer()=42'): "under wine: exit ${code}\n${stdout}\n${stderr}"
assert !new File(out, 'cross_win/helper.dll').exists() && !new File(out, 'helper.dll').exists()

// cargo's output is back under target/<triple>/release, clean: the same bytes as cargo's deps/ copy
File built = new File(basedir, 'target/x86_64-pc-windows-gnu/release/cross_win.dll')
assert built.isFile(): "no ${built}"
assert h.sha256(built) == h.sha256(new File(basedir, 'target/x86_64-pc-windows-gnu/release/deps/cross_win.dll')):
        'cargo\'s DLL differs from its deps/ copy: patched bytes reached cargo\'s output'
Map manifest = h.manifest()
Map artifact = h.artifact(manifest, 'cdylib', 'cross_win')
assert artifact.state == 'RESTORED' && new File(artifact.cargoPath as String).canonicalFile == built.canonicalFile: artifact
assert manifest.audit.platformTags == ['win_amd64']: manifest.audit
assert manifest.grafted*.sonames == [['helper.dll']]: manifest.grafted
return true
