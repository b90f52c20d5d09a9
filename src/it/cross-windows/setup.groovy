def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))

String mingw = 'x86_64-w64-mingw32-gcc'
[mingw, '/usr/bin/cargo', '/usr/bin/rustc', '/usr/bin/python3'].each { tool ->
    assert h.exec(['sh', '-c', "command -v ${tool}"], basedir)[0] == 0:
            "${tool} is missing: .ci/run installs gcc-mingw-w64-x86-64, cargo, rustc and libstd-rust-dev-windows"
}
assert new File('/usr/lib/rustlib/x86_64-pc-windows-gnu/lib').isDirectory(): 'libstd-rust-dev-windows is missing'

// helper.dll, a plain mingw DLL; the crate links its import library, the repair finds the DLL through libraryPath
new File(basedir, 'native').mkdirs()
new File(basedir, 'dlls').mkdirs()
new File(basedir, 'helper.c').text = '__declspec(dllexport) int helper_twice(int x) { return 2 * x; }\n'
h.run([mingw, '-shared', '-o', 'dlls/helper.dll', 'helper.c', '-Wl,--out-implib,native/libhelper.dll.a'], basedir)

new File(basedir, 'Cargo.toml').text = '''[package]
name = "cross-win"
version = "0.1.0"
edition = "2021"

[lib]
name = "cross_win"
crate-type = ["cdylib"]

[profile.release]
# a smaller DLL to deflate; the linker strips it (rustc passes -s)
strip = true
'''
new File(basedir, 'src').mkdirs()
new File(basedir, 'src/lib.rs').text = '''//! A raw C-ABI extension for Windows: PyInit_* marks it as a module, answer() goes through helper.dll.
#[link(name = "helper")]
extern "C" {
    fn helper_twice(x: i32) -> i32;
}

#[no_mangle]
pub extern "C" fn PyInit_cross_win() -> *mut u8 {
    std::ptr::null_mut()
}

#[no_mangle]
pub extern "C" fn answer() -> i32 {
    unsafe { helper_twice(21) }
}
'''
new File(basedir, '.cargo').mkdirs()
new File(basedir, '.cargo/config.toml').text = """[build]
rustc = "/usr/bin/rustc"

[target.x86_64-pc-windows-gnu]
linker = "${mingw}"
rustflags = ["-L", "native=${new File(basedir, 'native').absolutePath}"]
"""

// what Python does for a module: load it with the safe search path, which includes the module's own directory
new File(basedir, 'load.c').text = '''#include <windows.h>
#include <stdio.h>
int main(int argc, char **argv) {
    SetDefaultDllDirectories(LOAD_LIBRARY_SEARCH_DEFAULT_DIRS);
    wchar_t module[MAX_PATH];
    MultiByteToWideChar(CP_ACP, 0, argv[1], -1, module, MAX_PATH);
    wchar_t full[MAX_PATH];
    GetFullPathNameW(module, MAX_PATH, full, NULL);
    HMODULE m = LoadLibraryExW(full, NULL, LOAD_LIBRARY_SEARCH_DEFAULT_DIRS | LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR);
    if (!m) { printf("load failed %lu\\n", GetLastError()); return 1; }
    int (*answer)(void) = (int (*)(void)) GetProcAddress(m, "answer");
    printf("answer()=%d\\n", answer());
    return 0;
}
'''
h.run([mingw, '-o', 'load.exe', 'load.c'], basedir)
return true
