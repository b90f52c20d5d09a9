// needs two CPython versions from pyenv, as on the CI image; elsewhere the case is skipped, saying why
def home = System.getProperty('user.home')
def missing = ['3.10.13/bin/python3.10', '3.11.7/bin/python3.11']
        .collect { new File(home, ".pyenv/versions/${it}") }.findAll { !it.canExecute() }
if (missing) {
    println "multi-interpreter skipped: no interpreter at ${missing.join(', ')}"
}
return missing.isEmpty()
