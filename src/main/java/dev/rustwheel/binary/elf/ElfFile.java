package dev.rustwheel.binary.elf;

import dev.rustwheel.binary.elf.symbols.DynamicSymbolReader;
import dev.rustwheel.binary.elf.symbols.ElfSymbol;
import dev.rustwheel.binary.elf.symbols.ImportedSymbol;
import dev.rustwheel.binary.elf.symbols.LibcKind;
import dev.rustwheel.binary.elf.symbols.SymbolVersions;
import dev.rustwheel.binary.elf.symbols.VersionRequirement;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * An open ELF file (32 or 64 bit, either byte order). Opening reads only the ELF header and the two header
 * tables; the dynamic section and dynamic symbols are read on first use. Nothing else of the file is loaded.
 * Not thread-safe: those first-use reads are cached without locking.
 */
public final class ElfFile implements AutoCloseable {

    private final FileChannel channel;
    private final ElfInput input;
    private final ElfHeader header;
    private final HeaderTables tables;
    private final LoadSegments segments;
    private DynamicSection dynamicSection;
    private List<ElfSymbol> dynamicSymbols;
    private SymbolVersions symbolVersions;
    private List<ImportedSymbol> importedSymbols;

    /** PATH_MAX: the loader would not accept a longer interpreter path either. */
    private static final int MAX_INTERPRETER_LENGTH = 4096;

    private ElfFile(FileChannel channel, ElfInput input, ElfHeader header, HeaderTables tables) {
        this.channel = channel;
        this.input = input;
        this.header = header;
        this.tables = tables;
        this.segments = new LoadSegments(input, tables.programHeaders());
    }

    /**
     * @throws ElfFormatException when the file is not ELF or its header, program headers or section headers
     *         are malformed
     */
    public static ElfFile open(Path path) throws ElfFormatException, IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            // Byte order is unknown until the identification bytes are read; they are single bytes anyway
            ElfInput unordered = new ElfInput(path, channel, channel.size(), ByteOrder.BIG_ENDIAN);
            ElfHeader header = ElfHeader.read(unordered);
            ElfInput input = unordered.withOrder(header.byteOrder());
            return new ElfFile(channel, input, header, HeaderTables.read(input, header));
        } catch (Throwable e) {
            try {
                channel.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    public Path path() {
        return input.path();
    }

    public ElfHeader header() {
        return header;
    }

    /** The architecture name wheel tags use ({@code x86_64}, {@code aarch64}, {@code ppc64le}…), if known. */
    public Optional<String> architecture() {
        return header.architecture();
    }

    public List<ProgramHeader> programHeaders() {
        return tables.programHeaders();
    }

    /** All section headers, index 0 (the null section) included; empty when the file has none. */
    public List<SectionHeader> sectionHeaders() {
        return tables.sectionHeaders();
    }

    public Optional<SectionHeader> section(String name) {
        return tables.sectionHeaders().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The dynamic section found through PT_DYNAMIC; empty (no entries) for a statically linked file. */
    public DynamicSection dynamicSection() throws ElfFormatException, IOException {
        if (dynamicSection == null) {
            dynamicSection = DynamicSection.read(input, header.elfClass(), tables.programHeaders(), segments);
        }
        return dynamicSection;
    }

    /** Every entry of the dynamic symbol table, the null symbol at index 0 included. */
    public List<ElfSymbol> dynamicSymbols() throws ElfFormatException, IOException {
        if (dynamicSymbols == null) {
            dynamicSymbols = DynamicSymbolReader.read(input, header.elfClass(), tables.sectionHeaders(),
                    dynamicSection(), segments);
        }
        return dynamicSymbols;
    }

    /** Names of the dynamic symbols other objects can bind to (see {@link ElfSymbol#isExported()}). */
    public List<String> exportedSymbols() throws ElfFormatException, IOException {
        return dynamicSymbols().stream().filter(ElfSymbol::isExported).map(ElfSymbol::name).toList();
    }

    public boolean exportsSymbol(String name) throws ElfFormatException, IOException {
        return dynamicSymbols().stream().anyMatch(s -> s.isExported() && s.name().equals(name));
    }

    /**
     * What {@code .gnu.version_r} requires of each library, e.g. {@code libc.so.6} with {@code GLIBC_2.14}; empty
     * when the file uses no versioned symbols.
     */
    public List<VersionRequirement> versionRequirements() throws ElfFormatException, IOException {
        return symbolVersions().requirements();
    }

    /** The symbols this object takes from others, each with its required version where it has one. */
    public List<ImportedSymbol> importedSymbols() throws ElfFormatException, IOException {
        if (importedSymbols == null) {
            importedSymbols = symbolVersions().imports(input, dynamicSection(), segments, dynamicSymbols());
        }
        return importedSymbols;
    }

    /** The program interpreter (PT_INTERP), e.g. {@code /lib64/ld-linux-x86-64.so.2}; shared libraries rarely have one. */
    public Optional<String> interpreter() throws ElfFormatException, IOException {
        Optional<ProgramHeader> interp = ProgramHeader.first(tables.programHeaders(), ProgramHeader.PT_INTERP);
        if (interp.isEmpty()) {
            return Optional.empty();
        }
        long length = interp.get().fileSize();
        if (length < 0 || length > MAX_INTERPRETER_LENGTH) {
            throw input.failure("the interpreter path (PT_INTERP) is " + Long.toUnsignedString(length)
                    + " bytes long, more than the " + MAX_INTERPRETER_LENGTH + " any loader accepts");
        }
        ByteBuffer bytes = input.read("interpreter path (PT_INTERP)", interp.get().offset(), length);
        int end = 0;
        while (end < bytes.limit() && bytes.get(end) != 0) {
            end++;
        }
        String name = NameBytes.utf8OrNull(bytes.array(), 0, end);
        if (name == null) {
            throw input.failure("the interpreter path (PT_INTERP) '" + NameBytes.escaped(bytes.array(), 0, end)
                    + "' is not UTF-8, so it cannot name a file here; link with a UTF-8 interpreter path");
        }
        return Optional.of(name);
    }

    /**
     * The C library the file was linked against: the interpreter's name decides where there is one, else the
     * needed libraries ({@code libc.so.6} or {@code ld-linux*} for glibc, {@code libc.musl-*} or musl's
     * plain {@code libc.so} for musl).
     */
    public LibcKind libc() throws ElfFormatException, IOException {
        Optional<String> interpreter = interpreter();
        if (interpreter.isPresent()) {
            String name = interpreter.get().substring(interpreter.get().lastIndexOf('/') + 1);
            if (name.startsWith("ld-musl-")) {
                return LibcKind.MUSL;
            }
            if (name.startsWith("ld-linux") || name.startsWith("ld64.so") || name.startsWith("ld.so")) {
                return LibcKind.GLIBC;
            }
        }
        for (String needed : dynamicSection().needed()) {
            if (needed.startsWith("libc.musl-") || needed.startsWith("ld-musl-") || needed.equals("libc.so")) {
                return LibcKind.MUSL;
            }
            if (needed.equals("libc.so.6") || needed.startsWith("ld-linux")) {
                return LibcKind.GLIBC;
            }
        }
        return LibcKind.NONE;
    }

    /** How many bytes of the file have been read so far, for tests that prove what is left unread. */
    public long bytesRead() {
        return input.bytesRead();
    }

    private SymbolVersions symbolVersions() throws IOException {
        if (symbolVersions == null) {
            symbolVersions = SymbolVersions.read(input, dynamicSection(), segments);
        }
        return symbolVersions;
    }

    /** For the patcher in this package, which reads raw structures the public accessors decode. */
    public ElfInput input() {
        return input;
    }

    public LoadSegments loadSegments() {
        return segments;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
