// every crate here builds offline against Debian's PyO3 sources, through the IT root's .cargo/config.toml
File config = new File(basedir, '.cargo/config.toml')
assert config.isFile(): "${config} was not cloned; cargo would try to reach crates.io"
assert new File('/usr/share/cargo/registry/pyo3-0.17.3').isDirectory(): 'PyO3 0.17.3 sources missing: apt-get install librust-pyo3-dev'
return true
