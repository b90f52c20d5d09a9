package dev.rustwheel.binary.macho;

import dev.rustwheel.binary.BinaryInput;
import dev.rustwheel.overlay.Overlay;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plans install-name, id and rpath edits of every slice of a Mach-O file as an overlay. The load commands are
 * rebuilt in place, in their order (library ordinals index into it), and must fit in the header padding: where
 * they do not, the edit is refused with the bytes needed and available, since moving sections is not an option.
 * A slice with an ad-hoc signature gets its page hashes recomputed over the edited bytes, so it stays valid
 * (arm64 macOS kills code whose signature does not match); unsigned slices stay unsigned.
 */
public final class MachOPatcher {

    private MachOPatcher() {
    }

    public static Overlay plan(Path path, MachOEdits edits) throws IOException {
        try (BinaryInput in = BinaryInput.open(path, MachOFormatException::new)) {
            MachOFile file = MachOFile.read(in);
            List<Overlay.Overwrite> overwrites = new ArrayList<>();
            for (MachOSlice slice : file.slices()) {
                overwrites.addAll(slice(in, slice, edits));
            }
            return Overlay.of(in.size(), overwrites, new byte[0]);
        }
    }

    private static List<Overlay.Overwrite> slice(BinaryInput in, MachOSlice slice, MachOEdits edits)
            throws IOException {
        int headerSize = slice.headerSize();
        ByteBuffer old = in.read("load commands", slice.offset() + headerSize, slice.sizeOfCommands(),
                slice.order());
        ByteBuffer rebuilt = ByteBuffer.allocate(slice.sizeOfCommands() + 64 * 1024).order(slice.order());
        int count = 0;
        List<String> rpathsKept = new ArrayList<>();
        int rpathIndex = 0;
        boolean changed = false;
        for (int i = 0; i < slice.commands().size(); i++) {
            LoadCommand command = slice.commands().get(i);
            ByteBuffer bytes = old.slice(command.offset() - headerSize, command.size()).order(slice.order());
            Optional<String> replacement = replacement(slice, i, command, edits);
            if (command.type() == LoadCommand.RPATH) {
                String rpath = slice.rpaths().get(rpathIndex++);
                if (edits.deleteRpaths().contains(rpath) || rpathsKept.contains(rpath)) {
                    changed = true;
                    continue;
                }
                rpathsKept.add(rpath);
            }
            if (replacement.isPresent()) {
                put(rebuilt, withName(bytes, replacement.get(), slice), in, slice);
                changed = true;
            } else {
                put(rebuilt, bytes, in, slice);
            }
            count++;
        }
        for (String rpath : edits.addRpaths()) {
            if (!rpathsKept.contains(rpath)) {
                ByteBuffer command = ByteBuffer.allocate(12).order(slice.order());
                command.putInt(0, LoadCommand.RPATH).putInt(8, 12);
                put(rebuilt, withName(command, rpath, slice), in, slice);
                rpathsKept.add(rpath);
                count++;
                changed = true;
            }
        }
        if (!changed) {
            return List.of();
        }
        int newSize = rebuilt.position();
        long room = slice.firstSectionOffset() == 0 ? 0 : slice.firstSectionOffset() - headerSize;
        if (newSize > room) {
            throw new UnpatchableMachOException(in.path(), "the " + slice.architecture() + " slice's load commands"
                    + " would need " + newSize + " bytes, but only " + room + " fit before its first section ("
                    + slice.sizeOfCommands() + " used, " + slice.headerPadding() + " of header padding). Relink it"
                    + " with -Wl,-headerpad_max_install_names (RUSTFLAGS=\"-C link-arg=-Wl,-headerpad_max_install_names\").");
        }
        // the header's ncmds and sizeofcmds; the commands, then zeros over whatever the old ones occupied
        byte[] counts = ByteBuffer.allocate(8).order(slice.order()).putInt(count).putInt(newSize).array();
        byte[] area = new byte[Math.max(newSize, slice.sizeOfCommands())];
        System.arraycopy(rebuilt.array(), 0, area, 0, newSize);
        List<Overlay.Overwrite> overwrites = new ArrayList<>();
        overwrites.add(new Overlay.Overwrite(slice.offset() + 16, counts));
        overwrites.add(new Overlay.Overwrite(slice.offset() + headerSize, area));
        if (slice.codeSignature().isPresent()) {
            overwrites.addAll(resign(in, slice, List.of(overwrites.get(0), overwrites.get(1))));
        }
        return overwrites;
    }

    private static Optional<String> replacement(MachOSlice slice, int index, LoadCommand command, MachOEdits edits) {
        if (command.type() == LoadCommand.ID_DYLIB) {
            return edits.id();
        }
        return slice.dylibs().stream().filter(d -> d.commandIndex() == index).findFirst()
                .map(d -> edits.changes().get(d.installName()));
    }

    /** The command with its name (at the offset its fixed part ends) replaced, padded to the slice's alignment. */
    private static ByteBuffer withName(ByteBuffer command, String name, MachOSlice slice) {
        int fixed = command.getInt(8);
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        int alignment = slice.is64() ? 8 : 4;
        int size = (fixed + bytes.length + 1 + alignment - 1) / alignment * alignment;
        ByteBuffer out = ByteBuffer.allocate(size).order(slice.order());
        out.put(command.duplicate().limit(fixed).position(0));
        out.put(bytes);
        out.putInt(4, size);
        return out.position(size).flip();
    }

    private static void put(ByteBuffer into, ByteBuffer command, BinaryInput in, MachOSlice slice) throws IOException {
        ByteBuffer source = command.duplicate().position(0);
        if (into.remaining() < source.remaining()) {
            throw new UnpatchableMachOException(in.path(), "the " + slice.architecture() + " slice's load commands"
                    + " would grow by more than 64 KiB");
        }
        into.put(source);
    }

    /** New page hashes for each CodeDirectory, over the slice with the header {@code edits} applied. */
    private static List<Overlay.Overwrite> resign(BinaryInput in, MachOSlice slice, List<Overlay.Overwrite> edits)
            throws IOException {
        CodeSignatureLocation location = slice.codeSignature().orElseThrow();
        List<CodeSignature.Directory> directories = CodeSignature.directories(in, slice, location);
        if (location.dataOffset() > Integer.MAX_VALUE - 8) {
            throw new UnpatchableMachOException(in.path(), "cannot re-sign a slice of more than 2 GiB");
        }
        byte[] code = new byte[(int) location.dataOffset()];
        in.read("signed code", slice.offset(), code.length, ByteOrder.BIG_ENDIAN).get(code);
        for (Overlay.Overwrite edit : edits) {
            byte[] bytes = edit.bytes();
            System.arraycopy(bytes, 0, code, (int) (edit.offset() - slice.offset()), bytes.length);
        }
        List<Overlay.Overwrite> overwrites = new ArrayList<>();
        for (CodeSignature.Directory directory : directories) {
            overwrites.add(new Overlay.Overwrite(slice.offset() + directory.hashesOffset(),
                    CodeSignature.hashes(directory, code)));
        }
        return overwrites;
    }
}
