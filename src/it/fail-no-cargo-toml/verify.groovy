def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))

h.assertFailedWith('No Cargo.toml at', 'manifestPath', 'fail-no-cargo-toml/Cargo.toml')
assert !h.file('target/release').exists(): 'cargo ran without a Cargo.toml'
return true
