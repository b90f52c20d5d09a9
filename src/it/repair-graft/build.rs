//! Builds native/extdep.c into OUT_DIR/native/libextdep.so.1 (soname libextdep.so.1, with the libextdep.so
//! link a linker looks for) and links the crate against it, as -sys crates link vendored libraries.
use std::env;
use std::path::PathBuf;
use std::process::Command;

fn main() {
    let dir = PathBuf::from(env::var("OUT_DIR").unwrap()).join("native");
    std::fs::create_dir_all(&dir).unwrap();
    let real = dir.join("libextdep.so.1");
    let status = Command::new("cc")
        .args(["-shared", "-fPIC", "-O2", "-Wl,-soname,libextdep.so.1", "-o"])
        .arg(&real)
        .arg("native/extdep.c")
        .status()
        .expect("cannot run cc");
    assert!(status.success(), "cc failed");
    let link = dir.join("libextdep.so");
    let _ = std::fs::remove_file(&link);
    std::os::unix::fs::symlink("libextdep.so.1", &link).unwrap();
    println!("cargo:rerun-if-changed=native/extdep.c");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rustc-link-search=native={}", dir.display());
    println!("cargo:rustc-link-lib=dylib=extdep");
}
