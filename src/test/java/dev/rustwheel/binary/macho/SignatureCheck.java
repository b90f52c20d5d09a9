package dev.rustwheel.binary.macho;

import dev.rustwheel.binary.NativeTools;
import java.io.IOException;
import java.nio.file.Path;

/**
 * An independent check of ad-hoc signatures, in Python: for every slice with LC_CODE_SIGNATURE, each
 * CodeDirectory's page hashes must equal the SHA-256 (or SHA-1) of the slice's pages up to codeLimit, and
 * codeLimit must be where the signature starts. Prints one line per slice: {@code arch ok|unsigned|BAD ...}.
 */
public final class SignatureCheck {

    private static final String SCRIPT = """
            import sys, struct, hashlib
            data = open(sys.argv[1], 'rb').read()
            def slices():
                magic = struct.unpack('>I', data[:4])[0]
                if magic in (0xcafebabe, 0xcafebabf):
                    n = struct.unpack('>I', data[4:8])[0]
                    size = 20 if magic == 0xcafebabe else 32
                    for i in range(n):
                        e = data[8 + i * size: 8 + (i + 1) * size]
                        if magic == 0xcafebabe:
                            cpu, sub, off, ln, al = struct.unpack('>iiIII', e)
                        else:
                            cpu, sub, off, ln, al, _ = struct.unpack('>iiQQII', e)
                        yield data[off:off + ln]
                else:
                    yield data
            for s in slices():
                end = '<' if s[:4] in (b'\\xcf\\xfa\\xed\\xfe', b'\\xce\\xfa\\xed\\xfe') else '>'
                magic, cpu, sub, ftype, ncmds, sizeofcmds = struct.unpack(end + 'IiiIII', s[:24])
                at = 32 if magic == 0xfeedfacf else 28
                sig = None
                for _ in range(ncmds):
                    cmd, size = struct.unpack(end + 'II', s[at:at + 8])
                    if cmd == 0x1d:
                        sig = struct.unpack(end + 'II', s[at + 8:at + 16])
                    at += size
                if sig is None:
                    print('%#x unsigned' % cpu); continue
                dataoff, datasize = sig
                blob = s[dataoff:dataoff + datasize]
                _, _, count = struct.unpack('>III', blob[:12])
                problems, directories = [], 0
                for i in range(count):
                    btype, boff = struct.unpack('>II', blob[12 + i * 8:20 + i * 8])
                    if btype != 0 and not 0x1000 <= btype <= 0x1004:
                        continue
                    cd = blob[boff:]
                    (m, ln, ver, flags, hashoff, identoff, nspecial, ncode, limit, hsize, htype, plat,
                     pshift) = struct.unpack('>IIIIIIIIIBBBB', cd[:40])
                    directories += 1
                    algorithm = {1: hashlib.sha1, 2: hashlib.sha256}[htype]
                    if limit != dataoff:
                        problems.append('codeLimit %d != dataoff %d' % (limit, dataoff))
                    page = 1 << pshift
                    for p in range(ncode):
                        want = algorithm(s[p * page:min((p + 1) * page, limit)]).digest()[:hsize]
                        have = cd[hashoff + p * hsize:hashoff + (p + 1) * hsize]
                        if want != have:
                            problems.append('page %d' % p)
                print('%#x %s' % (cpu, 'ok' if directories and not problems else 'BAD ' + ' '.join(problems)))
            """;

    private SignatureCheck() {
    }

    public static String check(Path file) throws IOException, InterruptedException {
        return NativeTools.python(file.getParent(), "hashlib", SCRIPT, file.toString()).strip();
    }
}
