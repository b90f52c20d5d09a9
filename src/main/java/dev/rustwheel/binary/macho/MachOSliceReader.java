package dev.rustwheel.binary.macho;

import dev.rustwheel.binary.BinaryInput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads one slice's header and load commands; every field that points somewhere is checked first. */
final class MachOSliceReader {

    private static final int PLATFORM_MACOS = 1;
    /** The arm64 header's capability bits (pointer authentication ABI) are not part of the subtype. */
    private static final int SUBTYPE_MASK = 0x00ffffff;

    private MachOSliceReader() {
    }

    static MachOSlice read(BinaryInput in, long sliceOffset, long sliceSize) throws IOException {
        if (sliceSize < 28) {
            throw in.failure("slice at offset " + sliceOffset + " has " + sliceSize
                    + " bytes, fewer than a Mach-O header");
        }
        int raw = in.read("Mach-O magic number", sliceOffset, 4, ByteOrder.BIG_ENDIAN).getInt();
        ByteOrder order;
        boolean is64;
        if (raw == MachOFile.MH_MAGIC || raw == MachOFile.MH_MAGIC_64) {
            order = ByteOrder.BIG_ENDIAN;
            is64 = raw == MachOFile.MH_MAGIC_64;
        } else if (Integer.reverseBytes(raw) == MachOFile.MH_MAGIC
                || Integer.reverseBytes(raw) == MachOFile.MH_MAGIC_64) {
            order = ByteOrder.LITTLE_ENDIAN;
            is64 = Integer.reverseBytes(raw) == MachOFile.MH_MAGIC_64;
        } else {
            throw in.failure("no Mach-O magic number at offset " + sliceOffset + " (found 0x"
                    + Integer.toHexString(raw) + ")");
        }
        int headerSize = is64 ? 32 : 28;
        ByteBuffer header = in.read("Mach-O header", sliceOffset, headerSize, order);
        header.getInt();
        int cpuType = header.getInt();
        int cpuSubtype = header.getInt() & SUBTYPE_MASK;
        int fileType = header.getInt();
        long count = Integer.toUnsignedLong(header.getInt());
        long sizeOfCommands = Integer.toUnsignedLong(header.getInt());
        if (sizeOfCommands > sliceSize - headerSize) {
            throw in.failure("load commands (sizeofcmds " + sizeOfCommands + ") extend past the end of the slice ("
                    + sliceSize + " bytes)");
        }
        if (count * 8 > sizeOfCommands) {
            throw in.failure(count + " load commands cannot fit in sizeofcmds " + sizeOfCommands);
        }
        ByteBuffer area = in.read("load commands", sliceOffset + headerSize, sizeOfCommands, order);
        Commands parsed = new Commands(in, is64, sliceSize);
        int position = 0;
        for (int index = 0; index < count; index++) {
            if (sizeOfCommands - position < 8) {
                throw in.failure("load command " + index + " starts past sizeofcmds " + sizeOfCommands);
            }
            int type = area.getInt(position);
            long size = Integer.toUnsignedLong(area.getInt(position + 4));
            if (size < 8 || size > sizeOfCommands - position) {
                throw in.failure("load command " + index + " (cmd 0x" + Integer.toHexString(type) + ") has cmdsize "
                        + size + ", outside 8.." + (sizeOfCommands - position));
            }
            ByteBuffer command = area.slice(position, (int) size).order(order);
            parsed.add(index, type, headerSize + position, command);
            position += (int) size;
        }
        return new MachOSlice(sliceOffset, sliceSize, cpuType, cpuSubtype, is64, order, fileType,
                (int) sizeOfCommands, parsed.commands, parsed.dylibs, parsed.id, parsed.rpaths,
                parsed.minimumOs, parsed.signature, parsed.firstSectionOffset);
    }

    /** The commands read so far, and what they say. */
    private static final class Commands {
        private final BinaryInput in;
        private final boolean is64;
        private final long sliceSize;
        final List<LoadCommand> commands = new ArrayList<>();
        final List<DylibReference> dylibs = new ArrayList<>();
        final List<String> rpaths = new ArrayList<>();
        Optional<String> id = Optional.empty();
        Optional<MinimumOs> minimumOs = Optional.empty();
        Optional<CodeSignatureLocation> signature = Optional.empty();
        long firstSectionOffset;

        Commands(BinaryInput in, boolean is64, long sliceSize) {
            this.in = in;
            this.is64 = is64;
            this.sliceSize = sliceSize;
        }

        void add(int index, int type, int offset, ByteBuffer command) throws IOException {
            commands.add(new LoadCommand(type, offset, command.limit()));
            Optional<DylibKind> kind = DylibKind.of(type);
            if (kind.isPresent()) {
                dylibs.add(new DylibReference(kind.get(), string(index, command, 8), index));
            } else if (type == LoadCommand.ID_DYLIB) {
                id = Optional.of(string(index, command, 8));
            } else if (type == LoadCommand.RPATH) {
                rpaths.add(string(index, command, 8));
            } else if (type == LoadCommand.BUILD_VERSION) {
                need(index, command, 16);
                if (command.getInt(8) == PLATFORM_MACOS) {
                    minimumOs = Optional.of(MinimumOs.decode(command.getInt(12), "LC_BUILD_VERSION"));
                }
            } else if (type == LoadCommand.VERSION_MIN_MACOSX) {
                need(index, command, 12);
                minimumOs = Optional.of(MinimumOs.decode(command.getInt(8), "LC_VERSION_MIN_MACOSX"));
            } else if (type == LoadCommand.CODE_SIGNATURE) {
                need(index, command, 16);
                long dataOffset = Integer.toUnsignedLong(command.getInt(8));
                long dataSize = Integer.toUnsignedLong(command.getInt(12));
                if (dataOffset > sliceSize || dataSize > sliceSize - dataOffset) {
                    throw in.failure("LC_CODE_SIGNATURE (load command " + index + ") points at " + dataSize
                            + " bytes at offset " + dataOffset + ", outside the slice (" + sliceSize + " bytes)");
                }
                signature = Optional.of(new CodeSignatureLocation(index, dataOffset, dataSize));
            } else if (type == (is64 ? LoadCommand.SEGMENT_64 : LoadCommand.SEGMENT)) {
                sections(index, command);
            }
        }

        /** Tracks the lowest file offset of any section with contents: the end of the header's room. */
        private void sections(int index, ByteBuffer command) throws IOException {
            int segmentSize = is64 ? 72 : 56;
            int sectionSize = is64 ? 80 : 68;
            need(index, command, segmentSize);
            long count = Integer.toUnsignedLong(command.getInt(is64 ? 64 : 48));
            if (count > (command.limit() - segmentSize) / sectionSize) {
                throw in.failure("segment (load command " + index + ") declares " + count + " sections, more than"
                        + " its cmdsize " + command.limit() + " holds");
            }
            for (int i = 0; i < count; i++) {
                int section = segmentSize + i * sectionSize;
                long size = is64 ? command.getLong(section + 40) : Integer.toUnsignedLong(command.getInt(section + 36));
                long offset = Integer.toUnsignedLong(command.getInt(section + (is64 ? 48 : 40)));
                if (offset != 0 && size != 0 && (firstSectionOffset == 0 || offset < firstSectionOffset)) {
                    firstSectionOffset = offset;
                }
            }
        }

        private void need(int index, ByteBuffer command, int bytes) throws IOException {
            if (command.limit() < bytes) {
                throw in.failure("load command " + index + " (cmd 0x" + Integer.toHexString(command.getInt(0))
                        + ") has cmdsize " + command.limit() + ", smaller than its " + bytes + "-byte structure");
            }
        }

        /** The NUL-terminated string at the offset stored at {@code field}, inside the command. */
        private String string(int index, ByteBuffer command, int field) throws IOException {
            need(index, command, field + 4);
            long at = Integer.toUnsignedLong(command.getInt(field));
            if (at < field + 4 || at >= command.limit()) {
                throw in.failure("load command " + index + " (cmd 0x" + Integer.toHexString(command.getInt(0))
                        + ") puts its name at offset " + at + ", outside the command (" + command.limit() + " bytes)");
            }
            int end = (int) at;
            while (end < command.limit() && command.get(end) != 0) {
                end++;
            }
            if (end == command.limit()) {
                throw in.failure("load command " + index + " (cmd 0x" + Integer.toHexString(command.getInt(0))
                        + ") has a name without its terminating NUL");
            }
            byte[] bytes = new byte[end - (int) at];
            command.get((int) at, bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
