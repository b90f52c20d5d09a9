package dev.rustwheel.audit.linux;

import dev.rustwheel.audit.AuditException;
import dev.rustwheel.audit.ExternalLibrary;
import dev.rustwheel.audit.LibraryExclusion;
import dev.rustwheel.binary.elf.ElfFile;
import dev.rustwheel.binary.elf.symbols.ImportedSymbol;
import dev.rustwheel.binary.elf.symbols.LibcKind;
import dev.rustwheel.binary.elf.symbols.VersionRequirement;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Audits files that ship together against every policy, as auditwheel does: versioned symbols (the files' own
 * and those of the libraries the policy would have grafted), the library whitelist, blacklisted symbols and the
 * architecture. Libraries that resolve inside {@code bundleRoot} (the unpacked wheel) travel with the files and
 * count as theirs, not as external.
 */
public final class Auditor {

    private final Policies policies;
    private final LibraryResolver resolver;

    private final LibraryExclusion exclusion;

    public Auditor(Policies policies, SearchPaths paths) {
        this(policies, paths, LibraryExclusion.NONE);
    }

    /** @param exclusion libraries never to graft; their symbol versions are counted all the same */
    public Auditor(Policies policies, SearchPaths paths, LibraryExclusion exclusion) {
        this.policies = policies;
        this.resolver = new LibraryResolver(paths);
        this.exclusion = exclusion;
    }

    /** @throws dev.rustwheel.binary.elf.ElfFormatException when one of {@code files} is not well-formed ELF */
    public AuditReport audit(List<Path> files, Optional<Path> bundleRoot) throws AuditException, IOException {
        if (files.isEmpty()) {
            throw new AuditException("There are no ELF files to audit.");
        }
        List<ElfSummary> topLevel = new ArrayList<>();
        Map<Path, ElfImports> imports = new HashMap<>();
        for (Path file : files) {
            try (ElfFile elf = ElfFile.open(file)) {
                if (topLevel.isEmpty()) {
                    // read meanwhile: the symbols and the libraries take about as long as the policies
                    if (elf.architecture().isPresent()) {
                        policies.prefetch(elf.architecture().get());
                    }
                }
                topLevel.add(ElfSummary.of(elf));
                imports.put(file, ElfImports.of(elf));
            }
        }
        Optional<String> architecture = commonArchitecture(topLevel);
        boolean musl = linksMusl(topLevel);
        Map<String, ResolvedLibrary> libraries = resolver.resolve(topLevel);
        List<VersionUse> own = new ArrayList<>();
        for (ElfSummary file : topLevel) {
            own.addAll(versionUses(file, imports.get(file.path())));
        }

        List<PolicyVerdict> verdicts = new ArrayList<>();
        if (architecture.isPresent()) {
            for (Policy policy : policies.forTarget(musl, architecture.get())) {
                verdicts.add(verdict(policy, architecture.get(), topLevel, libraries, own, bundleRoot, exclusion,
                        imports));
            }
        }
        return new AuditReport(files, architecture, musl, own, verdicts);
    }

    /**
     * @param imports the symbols of the files read so far, by path; a library counted for the first time is read
     *                here, so a library every policy whitelists is never read past its dynamic section
     */
    private static PolicyVerdict verdict(Policy policy, String architecture, List<ElfSummary> topLevel,
            Map<String, ResolvedLibrary> libraries, List<VersionUse> own, Optional<Path> bundleRoot,
            LibraryExclusion exclusion, Map<Path, ElfImports> imports) throws IOException {
        List<ExternalLibrary> toGraft = new ArrayList<>();
        List<ElfSummary> counted = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<ElfSummary> queue = new ArrayDeque<>();
        for (ElfSummary file : topLevel) {
            queue.add(file);
        }
        while (!queue.isEmpty()) {
            ElfSummary current = queue.poll();
            for (String soname : current.needed()) {
                if (isLoaderOrPython(soname) || policy.whitelists(soname) || !seen.add(soname)) {
                    continue;
                }
                ResolvedLibrary library = libraries.get(soname);
                if (library.path().isPresent() && bundleRoot.isPresent()
                        && library.path().get().toAbsolutePath().normalize()
                                .startsWith(bundleRoot.get().toAbsolutePath().normalize())) {
                    continue; // shipped inside the wheel, and audited there as one of the files
                }
                if (exclusion.excludes(soname, library.path())) {
                    // the target system provides it (and whatever it needs); its versions still bound the tag
                    if (library.elf().isPresent()) {
                        counted.add(library.elf().get());
                    }
                    continue;
                }
                toGraft.add(new ExternalLibrary(soname, library.path(), current.path()));
                if (library.elf().isPresent()) {
                    counted.add(library.elf().get());
                    queue.add(library.elf().get());
                }
            }
        }
        List<VersionUse> uses = new ArrayList<>(own);
        for (ElfSummary library : counted) {
            ElfImports symbols = imports.get(library.path());
            if (symbols == null) {
                symbols = ElfImports.read(library.path());
                imports.put(library.path(), symbols);
            }
            uses.addAll(versionUses(library, symbols));
        }
        List<VersionUse> tooRecent = new ArrayList<>();
        for (VersionUse use : uses) {
            Set<String> allowed = policy.allowedVersions(architecture, use.prefix());
            if (allowed != null && !allowed.contains(use.version())) {
                tooRecent.add(use);
            }
        }
        return new PolicyVerdict(policy, policy.platformTags(architecture), tooRecent,
                blacklisted(policy, topLevel, imports), toGraft);
    }

    private static List<BlacklistHit> blacklisted(Policy policy, List<ElfSummary> topLevel,
            Map<Path, ElfImports> imports) {
        List<BlacklistHit> hits = new ArrayList<>();
        for (ElfSummary file : topLevel) {
            for (String soname : file.needed()) {
                Set<String> banned = policy.blacklist().get(soname);
                if (banned == null) {
                    continue;
                }
                // a weak import tolerates the symbol's absence, so only strong ones break on those systems
                for (ImportedSymbol symbol : imports.get(file.path()).imports()) {
                    if (!symbol.weak() && banned.contains(symbol.name())
                            && (symbol.library() == null || symbol.library().equals(soname))) {
                        hits.add(new BlacklistHit(file.path(), soname, symbol.name()));
                    }
                }
            }
        }
        return hits;
    }

    /** One pass over the imports, then one lookup per version: the work grows with the file, not its square. */
    private static List<VersionUse> versionUses(ElfSummary file, ElfImports read) {
        Map<List<String>, Set<String>> symbolsByVersion = new HashMap<>();
        for (ImportedSymbol symbol : read.imports()) {
            if (symbol.version() != null) {
                List<String> version = List.of(symbol.library(), symbol.version());
                Set<String> symbols = symbolsByVersion.get(version);
                if (symbols == null) {
                    symbols = new TreeSet<>();
                    symbolsByVersion.put(version, symbols);
                }
                symbols.add(symbol.name());
            }
        }
        List<VersionUse> uses = new ArrayList<>();
        for (VersionRequirement requirement : read.versionRequirements()) {
            if (isLoaderOrPython(requirement.library())) {
                continue; // the loader's versions come with libc's, which are checked already
            }
            for (String version : requirement.versions()) {
                Set<String> symbols = symbolsByVersion.getOrDefault(List.of(requirement.library(), version), Set.of());
                uses.add(new VersionUse(version, requirement.library(), file.path(), List.copyOf(symbols)));
            }
        }
        return uses;
    }

    /** The dynamic loader is part of every system, and libpython is the interpreter's own: neither is ever grafted. */
    static boolean isLoaderOrPython(String soname) {
        return soname.startsWith("ld-linux") || soname.startsWith("ld64.so.") || soname.startsWith("ld-musl-")
                || soname.startsWith("libpython");
    }

    private static Optional<String> commonArchitecture(List<ElfSummary> files) throws AuditException {
        ElfSummary first = files.get(0);
        for (ElfSummary file : files) {
            if (!first.sameTarget(file) || !file.architecture().equals(first.architecture())) {
                throw new AuditException(file.path() + " is built for " + file.architecture().orElse("machine "
                        + file.machine()) + " but " + first.path() + " for " + first.architecture().orElse("machine "
                        + first.machine()) + "; one wheel holds files for one architecture. Build each target separately.");
            }
        }
        return first.architecture();
    }

    private static boolean linksMusl(List<ElfSummary> files) throws AuditException {
        ElfSummary musl = null;
        ElfSummary glibc = null;
        for (ElfSummary file : files) {
            if (musl == null && file.libc() == LibcKind.MUSL) {
                musl = file;
            }
            if (glibc == null && file.libc() == LibcKind.GLIBC) {
                glibc = file;
            }
        }
        if (musl != null && glibc != null) {
            throw new AuditException(musl.path() + " links musl but " + glibc.path() + " links glibc;"
                    + " one wheel targets one C library. Build all of them for the same target.");
        }
        return musl != null;
    }
}
