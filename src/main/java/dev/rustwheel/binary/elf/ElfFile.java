package dev.rustwheel.binary.elf;

import java.io.IOException;
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

    /** For the patcher in this package, which reads raw structures the public accessors decode. */
    ElfInput input() {
        return input;
    }

    LoadSegments loadSegments() {
        return segments;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
