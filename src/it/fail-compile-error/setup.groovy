def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))

// a good build first, as a developer would have had, then an edit that does not compile
h.rawFfiCrate(basedir, 'broken_demo')
h.prebuild(basedir, 'broken_demo')
new File(basedir, 'src/lib.rs') << '''
pub fn broken() -> u32 {
    let answer: u32 = "forty-two";
    answer
}
'''
return true
