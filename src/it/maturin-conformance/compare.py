#!/usr/bin/env python3
"""Differential check of the maturin conformance corpus: each crate's wheel from rustwheel against maturin's.

usage: compare.py <corpus dir> <maven build.log> [--maturin <maturin program>] [--record] <crate>...

Compares wheel name, entries, METADATA, WHEEL (but its Generator line), entry_points.txt; checks the RECORD of
rustwheel's wheel; installs it into a fresh venv and runs the crate's own check_installed.py (else imports it).
Where maturin is given, its wheel is built from the same crate; otherwise the result maturin 1.15 gave, kept under
expected/<crate>/ (written by --record), stands in. expectations.json says, per crate, what the outcome must be:
identical, differs (in which parts, why) or refused (by whom, with which words). Prints the table; exits 1 when
any crate's outcome is not the expected one.
"""
import base64, glob, hashlib, json, os, re, shutil, subprocess, sys, tempfile, zipfile

COMPARED = ['name', 'entries', 'METADATA', 'WHEEL', 'entry_points.txt']


def crate_dir(corpus, crate):
    base = os.path.join(corpus, 'crates', crate)
    poms = sorted(glob.glob(os.path.join(base, '**', 'pom.xml'), recursive=True), key=len)
    return os.path.dirname(poms[0])


def summary(wheel):
    """The compared parts of a wheel: what a user (and pip) sees of it."""
    with zipfile.ZipFile(wheel) as z:
        names = z.namelist()
        dist_info = next(n.split('/')[0] for n in names if n.endswith('.dist-info/WHEEL'))

        def read(name):
            path = dist_info + '/' + name
            return z.read(path).decode() if path in names else None
        wheel_file = re.sub(r'^Generator: .*\n', '', read('WHEEL') or '', flags=re.M)
        # maturin 1.15 adds an SBOM and, from a source tree that was imported, __pycache__; neither is compared
        entries = sorted(n for n in names if '/sboms/' not in n and '__pycache__' not in n)
        return {'name': os.path.basename(wheel), 'entries': entries, 'METADATA': read('METADATA'),
                'WHEEL': wheel_file, 'entry_points.txt': read('entry_points.txt')}


def record_problems(wheel):
    problems = []
    with zipfile.ZipFile(wheel) as z:
        record_name = next(n for n in z.namelist() if n.endswith('.dist-info/RECORD'))
        rows = [r.rsplit(',', 2) for r in z.read(record_name).decode().splitlines() if r]
        listed = {path for path, _, _ in rows}
        for path, digest, size in rows:
            if path == record_name:
                if digest or size:
                    problems.append('RECORD lists a digest for itself')
                continue
            data = z.read(path)
            expected = 'sha256=' + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b'=').decode()
            if digest != expected or int(size) != len(data):
                problems.append(f'RECORD row for {path} does not match its bytes')
        for name in z.namelist():
            if name not in listed and not name.endswith('/'):
                problems.append(f'{name} is not in RECORD')
    return problems


def refusal(log, crate):
    """rustwheel's message for the module, from the reactor's log, or None where it built."""
    match = re.search(r'\[ERROR\] Failed to execute goal .* on project ' + re.escape(crate) + r': (.*)', log)
    return match.group(1) if match else None


def build_with_maturin(maturin, directory, out):
    result = subprocess.run([maturin, 'build', '--release', '-i', 'python3', '-o', out], cwd=directory,
                            capture_output=True, text=True)
    wheels = glob.glob(os.path.join(out, '*.whl'))
    if result.returncode != 0 or not wheels:
        return None, (result.stderr.strip().splitlines() or ['(no output)'])[-1]
    return wheels[0], None


def installs_and_runs(wheel, directory, module, code=None):
    venv = tempfile.mkdtemp(prefix='corpus-venv-')
    try:
        # cffi's ffi.py needs cffi's backend at run time; the offline index may lack it, the interpreter has it
        with zipfile.ZipFile(wheel) as z:
            metadata = next(z.read(n).decode() for n in z.namelist() if n.endswith('.dist-info/METADATA'))
        needs_cffi = re.search(r'^Requires-Dist: cffi\b', metadata, re.M) is not None
        subprocess.run([sys.executable, '-m', 'venv'] + (['--system-site-packages'] if needs_cffi else []) + [venv],
                       check=True)
        py = os.path.join(venv, 'bin', 'python')
        pip = subprocess.run([py, '-m', 'pip', 'install', '-q', '--no-deps', '--no-index', wheel],
                             capture_output=True, text=True)
        if pip.returncode != 0:
            return 'pip install failed: ' + pip.stderr.strip()
        check = os.path.join(directory, 'check_installed', 'check_installed.py')
        command = [py, '-c', code] if code else [py, check] if os.path.isfile(check) else [py, '-c', f'import {module}']
        env = dict(os.environ, PATH=os.path.join(venv, 'bin') + os.pathsep + os.environ['PATH'])
        run = subprocess.run(command, capture_output=True, text=True, cwd=venv, env=env)
        if run.returncode != 0:
            return 'check failed: ' + (run.stderr.strip() or run.stdout.strip())[-400:]
        return None
    finally:
        shutil.rmtree(venv, ignore_errors=True)


def main(argv):
    corpus, log_file = argv[0], argv[1]
    args = argv[2:]
    maturin = None
    record = False
    if args and args[0] == '--maturin':
        maturin, args = args[1], args[2:]
    if args and args[0] == '--record':
        record, args = True, args[1:]
    log = open(log_file, encoding='utf-8', errors='replace').read()
    expectations = json.load(open(os.path.join(corpus, 'expectations.json')))
    rows, failures = [], []
    for crate in args:
        expected = expectations[crate]
        directory = crate_dir(corpus, crate)
        golden = os.path.join(corpus, 'expected', crate)
        ours_refusal = refusal(log, crate)
        ours = sorted(glob.glob(os.path.join(directory, 'target', 'wheels', '*.whl')))
        if maturin:
            out = tempfile.mkdtemp(prefix='corpus-maturin-')
            theirs_wheel, theirs_refusal = build_with_maturin(maturin, directory, out)
            theirs = summary(theirs_wheel) if theirs_wheel else None
            if record:
                shutil.rmtree(golden, ignore_errors=True)
                os.makedirs(golden)
                json.dump(theirs if theirs else {'refused': theirs_refusal}, open(os.path.join(golden,
                          'maturin-1.15.json'), 'w'), indent=1, sort_keys=True)
            shutil.rmtree(out, ignore_errors=True)
            source = 'maturin'
        else:
            kept = json.load(open(os.path.join(golden, 'maturin-1.15.json')))
            theirs, theirs_refusal = (None, kept['refused']) if 'refused' in kept else (kept, None)
            source = 'maturin 1.15 (kept)'
        problems = []
        if ours_refusal or not ours:
            outcome = 'refused'
            detail = f'rustwheel: {ours_refusal}' + (f'; maturin: {theirs_refusal}' if theirs_refusal else
                                                     '; maturin builds it')
            for words in expected.get('rustwheel_says', []):
                if not ours_refusal or words not in ours_refusal:
                    problems.append(f'rustwheel should refuse saying "{words}"')
            if expected.get('maturin_refuses') and theirs is not None:
                problems.append('maturin was expected to refuse it too')
        else:
            mine = summary(ours[0])
            problems += record_problems(ours[0])
            failed = installs_and_runs(ours[0], directory, expected.get('module', crate.replace('-', '_')),
                                       expected.get('check'))
            if failed:
                problems.append(failed)
            if theirs is None:
                outcome = 'builds (maturin refuses)'
                detail = f'maturin: {theirs_refusal}'
            else:
                differing = [part for part in COMPARED if mine[part] != theirs[part]]
                outcome = 'identical' if not differing else 'differs'
                detail = ', '.join(differing)
                for part in differing:
                    if part not in expected.get('differs', {}):
                        problems.append(f'{part} differs from {source}:\n  rustwheel: {mine[part]!r}\n'
                                        f'  maturin:   {theirs[part]!r}')
        if outcome.split(' ')[0] != expected['outcome'].split(' ')[0]:
            problems.append(f'outcome {outcome}, expected {expected["outcome"]}')
        why = '; '.join(filter(None, [expected.get('why', '')] + list(expected.get('differs', {}).values())
                                  + [expected.get('check_why', '')]))
        rows.append(f'| {crate} | {outcome} | {detail} | {why} |')
        if problems:
            failures.append(f'{crate}: ' + '\n  '.join(problems))
    print(f'| crate | outcome (against {"maturin" if maturin else "maturin 1.15 kept"}) | detail | why |')
    print('|---|---|---|---|')
    print('\n'.join(rows))
    for failure in failures:
        print('UNEXPECTED ' + failure)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
